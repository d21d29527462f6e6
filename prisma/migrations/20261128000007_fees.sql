-- migrate:up

-- The platform-fee policy table, versioned by the instant it takes effect (Beijing time). An
-- order settles under the newest row in force when it was placed that its product is eligible
-- for; categories without a row settle at the product's own ratio. Owners add rows when the
-- marketplace changes its rules again.
CREATE TABLE fee_policies (
  id text PRIMARY KEY,
  category text NOT NULL,
  effective_from timestamptz(3) NOT NULL,
  -- Only products whose own platform-fee ratio equals this take part; NULL: every product.
  eligible_ratio_percent numeric(7, 4),
  -- [] = the product's own ratio; otherwise [{ "fromAmount": "500000", "platformFeePercent": "4" }, …],
  -- cliff tiers on the product's monthly amount.
  tiers jsonb NOT NULL DEFAULT '[]',
  note text,
  -- Rows the console ships with; owners may add rows but not remove these.
  shipped boolean NOT NULL DEFAULT false,
  created_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT fee_policies_category_check CHECK (category IN ('general', 'joint', 'curated', 'huawei')),
  CONSTRAINT fee_policies_tiers_check CHECK (jsonb_typeof(tiers) = 'array')
);
CREATE UNIQUE INDEX fee_policies_category_effective_from_ratio_key ON fee_policies (category, effective_from, eligible_ratio_percent);

INSERT INTO fee_policies (id, category, effective_from, eligible_ratio_percent, tiers, note, shipped) VALUES
  ('general-2019-05-01', 'general', '2019-05-01 00:00:00+08', NULL, '[]',
   '平台服务费减半: every general product at its own ratio (5% by default)', true),
  ('general-2024-03-01', 'general', '2024-03-01 00:00:00+08', 5,
   '[{"fromAmount": "0", "platformFeePercent": "5"}, {"fromAmount": "500000", "platformFeePercent": "4"}, {"fromAmount": "1000000", "platformFeePercent": "3"}]',
   '2024-03-01 adjustment: 95% / 96% / 97% seller share on the whole monthly amount, products at exactly 5% only', true);

-- What the seller agreed per product when listing it (结算规则): its bill category and platform-fee
-- ratio. Products without a row are general products at 5%.
CREATE TABLE fee_product_terms (
  product_code text PRIMARY KEY,
  category text NOT NULL DEFAULT 'general',
  platform_fee_percent numeric(7, 4) NOT NULL DEFAULT 5,
  updated_by text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT fee_product_terms_category_check CHECK (category IN ('general', 'joint', 'curated', 'huawei')),
  CONSTRAINT fee_product_terms_percent_check CHECK (platform_fee_percent >= 0 AND platform_fee_percent <= 100)
);

-- The readings of rules the marketplace leaves open; one row.
CREATE TABLE fee_settings (
  id smallint PRIMARY KEY DEFAULT 1,
  tier_amount_basis text NOT NULL DEFAULT 'net',
  tier_counts_old_terms boolean NOT NULL DEFAULT false,
  updated_by text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT fee_settings_singleton_check CHECK (id = 1),
  CONSTRAINT fee_settings_basis_check CHECK (tier_amount_basis IN ('net', 'paid'))
);
INSERT INTO fee_settings (id) VALUES (1);

-- A monthly bill (账单) per category, as the console computes it from the stored orders.
CREATE TABLE bills (
  id uuid PRIMARY KEY,
  -- The period as the marketplace names it: YYYYMM.
  bill_id text NOT NULL,
  category text NOT NULL,
  status text NOT NULL DEFAULT 'countersigning',
  amount numeric(20, 3) NOT NULL DEFAULT 0,
  platform_fee numeric(20, 3) NOT NULL DEFAULT 0,
  settlement numeric(20, 3) NOT NULL DEFAULT 0,
  line_count integer NOT NULL DEFAULT 0,
  expected_payment_date date,
  generated_at timestamptz(3) NOT NULL DEFAULT now(),
  generated_by text,
  status_changed_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT bills_category_check CHECK (category IN ('general', 'joint', 'curated', 'huawei')),
  CONSTRAINT bills_bill_id_check CHECK (bill_id ~ '^[0-9]{4}(0[1-9]|1[0-2])$'),
  CONSTRAINT bills_status_check CHECK (status IN ('countersigning', 'countersign_rejected', 'awaiting_invoice', 'invoice_review',
    'awaiting_payment_request', 'payment_request_failed', 'payment_processing', 'payment_info_error', 'payment_rejected', 'paid'))
);
CREATE UNIQUE INDEX bills_bill_id_category_key ON bills (bill_id, category);

-- One line per order attributed to the bill's period; refunds and downgrades are negative.
CREATE TABLE bill_lines (
  id bigserial PRIMARY KEY,
  bill_uuid uuid NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
  order_id text NOT NULL,
  product_code text NOT NULL,
  kind text NOT NULL,
  placed_at timestamptz(3) NOT NULL,
  attributed_at timestamptz(3) NOT NULL,
  amount numeric(20, 3) NOT NULL,
  platform_fee_percent numeric(7, 4) NOT NULL,
  platform_fee numeric(20, 3) NOT NULL,
  settlement numeric(20, 3) NOT NULL,
  policy_id text,
  tier_index integer
);
CREATE INDEX bill_lines_bill_uuid_idx ON bill_lines (bill_uuid);
CREATE INDEX bill_lines_order_id_idx ON bill_lines (order_id);

-- Every status an operator set, with who and why.
CREATE TABLE bill_status_changes (
  id bigserial PRIMARY KEY,
  bill_uuid uuid NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  note text,
  actor_email text,
  changed_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX bill_status_changes_bill_uuid_changed_at_idx ON bill_status_changes (bill_uuid, changed_at);

-- The marketplace's bill detail export, uploaded and compared line by line.
CREATE TABLE bill_imports (
  id uuid PRIMARY KEY,
  bill_uuid uuid NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  line_count integer NOT NULL,
  amount numeric(20, 3) NOT NULL,
  platform_fee numeric(20, 3) NOT NULL,
  -- [{ orderId, kind, console, imported }]
  differences jsonb NOT NULL DEFAULT '[]',
  difference_count integer NOT NULL,
  imported_by text,
  imported_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX bill_imports_bill_uuid_imported_at_idx ON bill_imports (bill_uuid, imported_at);

-- migrate:down
DROP TABLE bill_imports;
DROP TABLE bill_status_changes;
DROP TABLE bill_lines;
DROP TABLE bills;
DROP TABLE fee_settings;
DROP TABLE fee_product_terms;
DROP TABLE fee_policies;
