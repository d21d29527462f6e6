-- migrate:up

-- How each product is fulfilled in the seller's own SaaS.
ALTER TABLE products
  ADD COLUMN webhook_url text,
  ADD COLUMN webhook_secret_sealed text,
  ADD COLUMN webhook_timeout_ms integer NOT NULL DEFAULT 5000,
  ADD CONSTRAINT products_webhook_timeout_check CHECK (webhook_timeout_ms BETWEEN 500 AND 30000);

-- One row per lifecycle event to deliver to the seller's SaaS (or to an operator, for manual
-- products). Workers claim rows with FOR UPDATE SKIP LOCKED and hold them under a lease; a row
-- whose lease ran out (its worker died) is claimed again.
CREATE TABLE deliveries (
  id uuid PRIMARY KEY,
  -- Orders the deliveries of one instance: a later event waits until every earlier one is done.
  seq bigserial NOT NULL,
  event_type text NOT NULL,
  adapter text NOT NULL,
  instance_id text,
  order_key text NOT NULL,
  order_id text,
  product_code text,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  round_attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
  lease_expires_at timestamptz(3),
  locked_by text,
  last_error text,
  last_status_code integer,
  test_flag boolean NOT NULL DEFAULT false,
  inbound_request_id bigint,
  completed_at timestamptz(3),
  resolution_comment text,
  resolved_by text,
  alerted_state text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'processing', 'awaiting_operator', 'succeeded', 'dead', 'cancelled', 'resolved')),
  CONSTRAINT deliveries_adapter_check CHECK (adapter IN ('webhook', 'manual'))
);
CREATE UNIQUE INDEX deliveries_seq_key ON deliveries (seq);
CREATE INDEX deliveries_status_next_attempt_at_idx ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_order_key_seq_idx ON deliveries (order_key, seq);
CREATE INDEX deliveries_instance_id_idx ON deliveries (instance_id);
CREATE INDEX deliveries_order_id_idx ON deliveries (order_id);
CREATE INDEX deliveries_created_at_idx ON deliveries (created_at);

CREATE TABLE delivery_attempts (
  id bigserial PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE ON UPDATE CASCADE,
  attempt_no integer NOT NULL,
  worker_id text,
  started_at timestamptz(3) NOT NULL,
  finished_at timestamptz(3),
  status_code integer,
  latency_ms integer,
  outcome text NOT NULL,
  error text,
  response_excerpt text
);
CREATE INDEX delivery_attempts_delivery_id_idx ON delivery_attempts (delivery_id, attempt_no);

-- migrate:down
DROP TABLE delivery_attempts;
DROP TABLE deliveries;
ALTER TABLE products
  DROP CONSTRAINT products_webhook_timeout_check,
  DROP COLUMN webhook_timeout_ms,
  DROP COLUMN webhook_secret_sealed,
  DROP COLUMN webhook_url;
