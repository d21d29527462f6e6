-- migrate:up

-- Every request to /api/koogallery, stored raw in its own committed write before anything else
-- happens; the outcome columns are filled in once it has been answered.
CREATE TABLE inbound_requests (
  id bigserial PRIMARY KEY,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  method text NOT NULL,
  path text NOT NULL,
  query text NOT NULL DEFAULT '',
  headers jsonb NOT NULL DEFAULT '{}',
  body bytea NOT NULL,
  body_size integer NOT NULL,
  body_truncated boolean NOT NULL DEFAULT false,
  client_ip text,
  generation text,
  state text NOT NULL DEFAULT 'received',
  activity text,
  verification text,
  key_used text,
  result_code text,
  result_message text,
  answer_body text,
  answer_headers jsonb,
  answered_at timestamptz(3),
  latency_ms integer,
  error text,
  test_flag boolean NOT NULL DEFAULT false,
  order_id text,
  instance_id text,
  CONSTRAINT inbound_requests_state_check CHECK (state IN ('received', 'answered', 'needs_review'))
);
CREATE INDEX inbound_requests_received_at_idx ON inbound_requests (received_at);
CREATE INDEX inbound_requests_state_received_at_idx ON inbound_requests (state, received_at);
CREATE INDEX inbound_requests_order_id_idx ON inbound_requests (order_id);
CREATE INDEX inbound_requests_instance_id_idx ON inbound_requests (instance_id);

-- V2 nonces seen within the timestamp window, shared by every process through the database.
CREATE TABLE callback_nonces (
  nonce text PRIMARY KEY,
  seen_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX callback_nonces_expires_at_idx ON callback_nonces (expires_at);

CREATE TABLE products (
  id uuid PRIMARY KEY,
  product_code text NOT NULL,
  sku_code text,
  name text,
  charging_mode text,
  provisioning_mode text NOT NULL DEFAULT 'none',
  front_end_url text,
  admin_url text,
  sync_budget_ms integer NOT NULL DEFAULT 3000,
  encrypt_type text NOT NULL DEFAULT '1',
  needs_review boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT products_provisioning_mode_check CHECK (provisioning_mode IN ('none', 'webhook', 'manual')),
  CONSTRAINT products_encrypt_type_check CHECK (encrypt_type IN ('1', '2')),
  CONSTRAINT products_sync_budget_check CHECK (sync_budget_ms BETWEEN 0 AND 4500)
);
CREATE UNIQUE INDEX products_product_code_key ON products (product_code);
CREATE INDEX products_sku_code_idx ON products (sku_code);

-- What the callbacks say about an order; the order-query API fills in the rest later.
CREATE TABLE orders (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  order_type text,
  customer_id text,
  customer_name text,
  charging_mode text,
  period_type text,
  period_number integer,
  amount numeric(20, 3),
  currency text,
  test_flag boolean NOT NULL DEFAULT false,
  source text NOT NULL DEFAULT 'callback',
  raw_order jsonb,
  fetched_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX orders_order_id_key ON orders (order_id);
CREATE INDEX orders_created_at_idx ON orders (created_at);

CREATE TABLE order_lines (
  id uuid PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE ON UPDATE CASCADE,
  order_line_id text NOT NULL,
  product_code text,
  sku_code text,
  charging_mode text,
  expire_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX order_lines_order_line_id_key ON order_lines (order_line_id);
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);

CREATE TABLE instances (
  id uuid PRIMARY KEY,
  instance_id text NOT NULL,
  -- V1: "v1:<orderId>"; V2: "v2:<orderId>:<orderLineId>"; on-demand: "od:<orderId>:<productId>".
  -- Unique, so ten identical newInstance requests in ten processes create one instance.
  dedupe_key text NOT NULL,
  generation text NOT NULL,
  order_id text NOT NULL,
  order_line_id text,
  product_code text,
  sku_code text,
  customer_id text,
  customer_name text,
  charging_mode text,
  status text NOT NULL,
  is_trial boolean NOT NULL DEFAULT false,
  test_flag boolean NOT NULL DEFAULT false,
  expire_at timestamptz(3),
  front_end_url text,
  admin_url text,
  -- Tenant credentials, AES-GCM sealed by the console's secret box; re-encrypted per answer for the marketplace.
  user_name_sealed text,
  password_sealed text,
  memo text,
  encrypt_type text NOT NULL DEFAULT '1',
  usage_value numeric(16, 4),
  usage_at timestamptz(3),
  provisioned_at timestamptz(3),
  frozen_at timestamptz(3),
  released_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT instances_status_check CHECK (status IN ('provisioning', 'active', 'frozen', 'released', 'failed'))
);
CREATE UNIQUE INDEX instances_instance_id_key ON instances (instance_id);
CREATE UNIQUE INDEX instances_dedupe_key_key ON instances (dedupe_key);
CREATE INDEX instances_order_id_idx ON instances (order_id);
CREATE INDEX instances_status_expire_at_idx ON instances (status, expire_at);

CREATE TABLE instance_events (
  id bigserial PRIMARY KEY,
  instance_id text NOT NULL REFERENCES instances (instance_id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind text NOT NULL,
  order_id text,
  inbound_request_id bigint,
  details jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX instance_events_instance_id_occurred_at_idx ON instance_events (instance_id, occurred_at);

-- One licence per order (the marketplace's rule), signed with the console's Ed25519 key.
CREATE TABLE licences (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  instance_id text,
  licence text NOT NULL,
  expire_at timestamptz(3),
  released_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX licences_order_id_key ON licences (order_id);

-- Licence codes issued by the marketplace (授权码) and what its callbacks said about them.
CREATE TABLE licence_codes (
  id uuid PRIMARY KEY,
  code text NOT NULL,
  order_id text,
  order_line_id text,
  product_code text,
  status text NOT NULL DEFAULT 'ALIVE',
  expire_at timestamptz(3),
  released_at timestamptz(3),
  test_flag boolean NOT NULL DEFAULT false,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX licence_codes_code_key ON licence_codes (code);

-- migrate:down
DROP TABLE licence_codes;
DROP TABLE licences;
DROP TABLE instance_events;
DROP TABLE instances;
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE products;
DROP TABLE callback_nonces;
DROP TABLE inbound_requests;
