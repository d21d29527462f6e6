-- migrate:up

-- The Huawei signing entity named as buyer on every invoice the seller issues to Huawei for joint-operation
-- bills (给华为云开票). One row, edited by finance. Only the bank line was seen in the reference; the taxpayer
-- ID starts empty and must be confirmed from the 开票清单 before a checklist can be printed.
CREATE TABLE huawei_invoice_buyer (
  id smallint PRIMARY KEY DEFAULT 1,
  name text NOT NULL DEFAULT '',
  taxpayer_id text NOT NULL DEFAULT '',
  bank_name text NOT NULL DEFAULT '',
  bank_account text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  receiving_email text NOT NULL DEFAULT '',
  mailing_address text NOT NULL DEFAULT '',
  updated_by text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT huawei_invoice_buyer_singleton_check CHECK (id = 1)
);
INSERT INTO huawei_invoice_buyer (id, name, bank_name, bank_account)
  VALUES (1, '华为云计算技术有限公司', '中国工商银行股份有限公司深圳华为支行', '4000056019100216486');

-- The invoice checklist (开票清单) of a bill in 待开票, as the notice gives it.
CREATE TABLE huawei_invoice_checklists (
  id uuid PRIMARY KEY,
  bill_uuid uuid NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
  -- 申付单号: one per checklist, never several on one invoice.
  payment_request_no text NOT NULL,
  -- 对账期次, as the notice words it.
  settlement_period text NOT NULL,
  -- 开票金额 (tax inclusive), shared among the tax rates by the bill lines' settlement.
  invoice_amount numeric(20, 2) NOT NULL,
  -- { "<product code>": "<tax rate percent>" }; products not listed take the default rate.
  product_rates jsonb NOT NULL DEFAULT '{}',
  -- The notice date, when finance knows it; the deadline counts from the earlier of this and the first 待开票.
  notice_date date,
  created_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_by text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT huawei_invoice_checklists_rates_check CHECK (jsonb_typeof(product_rates) = 'object')
);
CREATE UNIQUE INDEX huawei_invoice_checklists_bill_uuid_key ON huawei_invoice_checklists (bill_uuid);

-- The VAT special invoices issued to Huawei: one per tax rate of a checklist.
CREATE TABLE huawei_invoices (
  id bigserial PRIMARY KEY,
  checklist_id uuid NOT NULL REFERENCES huawei_invoice_checklists (id) ON DELETE CASCADE,
  tax_rate_percent numeric(7, 4) NOT NULL,
  amount numeric(20, 2) NOT NULL,
  invoice_number text NOT NULL,
  invoice_date date NOT NULL,
  recorded_by text,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX huawei_invoices_checklist_id_tax_rate_percent_key ON huawei_invoices (checklist_id, tax_rate_percent);

-- Invoices buyers request from the seller for general-product orders (给用户开票).
CREATE TABLE buyer_invoice_requests (
  id uuid PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE ON UPDATE CASCADE,
  buyer_name text NOT NULL,
  -- The full order amount: invoicing is by order amount only.
  amount numeric(20, 2) NOT NULL,
  title_type text NOT NULL,
  title text NOT NULL,
  taxpayer_id text,
  invoice_kind text NOT NULL,
  receiver_email text,
  mailing_recipient text,
  mailing_phone text,
  mailing_address text,
  status text NOT NULL DEFAULT 'pending_review',
  -- The reason of the last rejection or return.
  reason text,
  invoice_number text,
  invoice_date date,
  requested_at timestamptz(3) NOT NULL,
  -- "manual": entered by finance (the marketplace's request feed is not known to the console).
  source text NOT NULL DEFAULT 'manual',
  created_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT buyer_invoice_requests_status_check CHECK (status IN ('pending_review', 'awaiting_issue', 'awaiting_receipt', 'completed', 'rejected', 'returned')),
  CONSTRAINT buyer_invoice_requests_title_type_check CHECK (title_type IN ('enterprise', 'individual', 'organisation')),
  CONSTRAINT buyer_invoice_requests_kind_check CHECK (invoice_kind IN ('ordinary_digital', 'ordinary_electronic', 'ordinary_paper',
    'special_digital', 'special_electronic', 'special_paper'))
);
CREATE INDEX buyer_invoice_requests_order_id_idx ON buyer_invoice_requests (order_id);
CREATE INDEX buyer_invoice_requests_status_requested_at_idx ON buyer_invoice_requests (status, requested_at);

-- Every move of a request, with who and why.
CREATE TABLE buyer_invoice_request_events (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES buyer_invoice_requests (id) ON DELETE CASCADE,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  reason text,
  actor_email text,
  occurred_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX buyer_invoice_request_events_request_id_occurred_at_idx ON buyer_invoice_request_events (request_id, occurred_at);

-- migrate:down
DROP TABLE buyer_invoice_request_events;
DROP TABLE buyer_invoice_requests;
DROP TABLE huawei_invoices;
DROP TABLE huawei_invoice_checklists;
DROP TABLE huawei_invoice_buyer;
