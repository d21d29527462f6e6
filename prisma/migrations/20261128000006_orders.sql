-- migrate:up

-- The order as the order-query API reports it. Callbacks only point at an order; the fetched
-- answer is the record (raw_order keeps it whole).
ALTER TABLE orders
  -- When the buyer placed the order (the API's createTime); until it has been fetched, when the
  -- first callback named it. Lists sort and filter on this, never on the row's own created_at.
  ADD COLUMN ordered_at timestamptz(3) NOT NULL DEFAULT now(),
  ADD COLUMN customer_type text,
  ADD COLUMN amount_after_discount numeric(20, 3),
  ADD COLUMN extend_params jsonb,
  ADD COLUMN fetch_error text;
UPDATE orders SET ordered_at = created_at;

-- Keyset pages in either direction, the customer + date filters, and "starts with" searches on
-- order ids and customer names (text_pattern_ops: LIKE 'x%' uses the index under any collation;
-- with ordered_at beside the name, a broad prefix is narrowed to the dates without heap reads).
CREATE INDEX orders_ordered_at_order_id_idx ON orders (ordered_at, order_id);
CREATE INDEX orders_amount_order_id_idx ON orders (amount, order_id);
CREATE INDEX orders_customer_id_ordered_at_idx ON orders (customer_id, ordered_at);
CREATE INDEX orders_customer_name_ordered_at_idx ON orders (customer_name text_pattern_ops, ordered_at);
CREATE INDEX orders_order_id_pattern_idx ON orders (order_id text_pattern_ops);

ALTER TABLE order_lines
  ADD COLUMN product_name text,
  ADD COLUMN period_type text,
  ADD COLUMN period_number integer,
  ADD COLUMN linear_value text,
  ADD COLUMN amount numeric(20, 3),
  ADD COLUMN amount_after_discount numeric(20, 3),
  ADD COLUMN raw_line jsonb;
CREATE INDEX order_lines_product_code_order_id_idx ON order_lines (product_code, order_id);

-- The instances list: newest first by keyset, and by customer.
CREATE INDEX instances_created_at_instance_id_idx ON instances (created_at, instance_id);
CREATE INDEX instances_customer_id_idx ON instances (customer_id);
CREATE INDEX instance_events_order_id_idx ON instance_events (order_id);

-- A reconciliation: recent orders re-fetched and compared with what the console holds.
CREATE TABLE reconciliation_runs (
  id uuid PRIMARY KEY,
  trigger text NOT NULL,
  -- "daily:<Beijing day>" for the scheduled run: unique, so one worker starts it, however many look.
  run_key text,
  window_from timestamptz(3) NOT NULL,
  window_to timestamptz(3) NOT NULL,
  orders_total integer NOT NULL DEFAULT 0,
  started_by text,
  started_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3),
  CONSTRAINT reconciliation_runs_trigger_check CHECK (trigger IN ('daily', 'manual'))
);
CREATE UNIQUE INDEX reconciliation_runs_run_key_key ON reconciliation_runs (run_key);
CREATE INDEX reconciliation_runs_started_at_idx ON reconciliation_runs (started_at);

-- Every fetch of an order from the marketplace: the background queue (claimed with FOR UPDATE
-- SKIP LOCKED under a lease, retried with backoff) and, once done, the order's fetch history.
CREATE TABLE order_fetches (
  id bigserial PRIMARY KEY,
  order_id text NOT NULL,
  order_line_id text,
  reason text NOT NULL,
  reconciliation_id uuid REFERENCES reconciliation_runs (id) ON DELETE CASCADE,
  -- Set while waiting, so a burst of callbacks for one order costs one fetch; cleared when claimed,
  -- so a callback arriving during a fetch gets a fetch of its own.
  dedupe_key text,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
  lease_expires_at timestamptz(3),
  locked_by text,
  result_code text,
  last_error text,
  -- What the console held that the marketplace said otherwise: [{ field, console, marketplace }].
  differences jsonb,
  requested_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  completed_at timestamptz(3),
  CONSTRAINT order_fetches_reason_check CHECK (reason IN ('callback', 'manual', 'reconcile')),
  CONSTRAINT order_fetches_status_check CHECK (status IN ('pending', 'processing', 'succeeded', 'failed'))
);
CREATE UNIQUE INDEX order_fetches_dedupe_key_key ON order_fetches (dedupe_key);
CREATE INDEX order_fetches_status_next_attempt_at_idx ON order_fetches (status, next_attempt_at);
CREATE INDEX order_fetches_order_id_created_at_idx ON order_fetches (order_id, created_at);
CREATE INDEX order_fetches_reconciliation_id_idx ON order_fetches (reconciliation_id);

-- migrate:down
DROP TABLE order_fetches;
DROP TABLE reconciliation_runs;
DROP INDEX instance_events_order_id_idx;
DROP INDEX instances_customer_id_idx;
DROP INDEX instances_created_at_instance_id_idx;
DROP INDEX order_lines_product_code_order_id_idx;
ALTER TABLE order_lines
  DROP COLUMN raw_line,
  DROP COLUMN amount_after_discount,
  DROP COLUMN amount,
  DROP COLUMN linear_value,
  DROP COLUMN period_number,
  DROP COLUMN period_type,
  DROP COLUMN product_name;
DROP INDEX orders_order_id_pattern_idx;
DROP INDEX orders_customer_name_ordered_at_idx;
DROP INDEX orders_customer_id_ordered_at_idx;
DROP INDEX orders_amount_order_id_idx;
DROP INDEX orders_ordered_at_order_id_idx;
ALTER TABLE orders
  DROP COLUMN fetch_error,
  DROP COLUMN extend_params,
  DROP COLUMN amount_after_discount,
  DROP COLUMN customer_type,
  DROP COLUMN ordered_at;
