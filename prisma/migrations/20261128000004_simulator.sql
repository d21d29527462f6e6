-- migrate:up

-- The marketplace simulator: the KooGallery side of the wire, kept apart from the seller's own
-- tables so that nothing here can be mistaken for what the real marketplace said.

-- One row: the operator's knobs. Time compression divides every marketplace delay (retries,
-- polling) so a 3-hour retry window can be watched in minutes.
CREATE TABLE simulator_config (
  id smallint PRIMARY KEY DEFAULT 1,
  time_compression integer NOT NULL DEFAULT 1,
  timeout_ms integer NOT NULL DEFAULT 20000,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_config_single_row CHECK (id = 1),
  CONSTRAINT simulator_config_compression_check CHECK (time_compression BETWEEN 1 AND 100000),
  CONSTRAINT simulator_config_timeout_check CHECK (timeout_ms BETWEEN 100 AND 60000)
);

-- What a simulated buyer bought: one instance at the seller, followed through its lifecycle.
CREATE TABLE simulator_subscriptions (
  id uuid PRIMARY KEY,
  product_key text NOT NULL,
  generation text NOT NULL,
  target_url text NOT NULL,
  customer_id text NOT NULL,
  customer_name text NOT NULL,
  product_id text NOT NULL,
  sku_code text NOT NULL,
  charging_mode text NOT NULL,
  is_trial boolean NOT NULL DEFAULT false,
  status text NOT NULL,
  instance_id text,
  licence_code text,
  order_id text NOT NULL,
  order_line_id text NOT NULL,
  expire_at timestamptz(3),
  source text NOT NULL DEFAULT 'console',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_subscriptions_generation_check CHECK (generation IN ('v1', 'v2')),
  CONSTRAINT simulator_subscriptions_status_check CHECK (status IN ('opening', 'active', 'frozen', 'released', 'failed'))
);
CREATE INDEX simulator_subscriptions_created_at_idx ON simulator_subscriptions (created_at);
CREATE INDEX simulator_subscriptions_instance_id_idx ON simulator_subscriptions (instance_id);

-- Every order the simulated marketplace placed; the simulated order-query API answers from here.
CREATE TABLE simulator_orders (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  order_line_id text NOT NULL,
  subscription_id uuid NOT NULL REFERENCES simulator_subscriptions (id) ON DELETE CASCADE,
  order_type text NOT NULL,
  product_id text NOT NULL,
  sku_code text NOT NULL,
  charging_mode text NOT NULL,
  period_type text,
  period_number integer,
  amount numeric(20, 3) NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'paid',
  expire_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_orders_type_check CHECK (order_type IN ('NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE', 'RENEW', 'CHANGE')),
  CONSTRAINT simulator_orders_status_check CHECK (status IN ('paid', 'failed', 'refunded'))
);
CREATE UNIQUE INDEX simulator_orders_order_id_key ON simulator_orders (order_id);
CREATE INDEX simulator_orders_subscription_id_idx ON simulator_orders (subscription_id);

-- One callback the marketplace owes the seller, with its retry (or queryInstance polling) state.
-- The unsigned fields are kept: every attempt is signed afresh, as the marketplace does.
CREATE TABLE simulator_callbacks (
  id uuid PRIMARY KEY,
  subscription_id uuid REFERENCES simulator_subscriptions (id) ON DELETE CASCADE,
  dial_run_id uuid,
  purpose text NOT NULL,
  case_key text,
  generation text NOT NULL,
  activity text NOT NULL,
  key_kind text NOT NULL,
  params jsonb NOT NULL,
  -- What the subscription becomes once this callback succeeds (applied on a late retry success too).
  effect jsonb,
  target_url text NOT NULL,
  state text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  time_compression integer NOT NULL DEFAULT 1,
  next_attempt_at timestamptz(3),
  deadline_at timestamptz(3),
  last_verdict text,
  last_error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_callbacks_purpose_check CHECK (purpose IN ('buyer', 'debug', 'dial', 'seed')),
  CONSTRAINT simulator_callbacks_key_kind_check CHECK (key_kind IN ('v1', 'basic', 'licence')),
  CONSTRAINT simulator_callbacks_state_check CHECK (state IN ('sending', 'succeeded', 'failed', 'retrying', 'polling', 'exhausted'))
);
CREATE INDEX simulator_callbacks_created_at_idx ON simulator_callbacks (created_at);
CREATE INDEX simulator_callbacks_state_next_attempt_at_idx ON simulator_callbacks (state, next_attempt_at);
CREATE INDEX simulator_callbacks_subscription_id_idx ON simulator_callbacks (subscription_id);
CREATE INDEX simulator_callbacks_dial_run_id_idx ON simulator_callbacks (dial_run_id);

-- Each HTTP exchange of a callback (a queryInstance poll is an attempt of the newInstance it follows).
CREATE TABLE simulator_attempts (
  id bigserial PRIMARY KEY,
  callback_id uuid NOT NULL REFERENCES simulator_callbacks (id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  activity text NOT NULL,
  sent_at timestamptz(3) NOT NULL,
  request jsonb NOT NULL,
  response_status integer,
  response_headers jsonb,
  response_body text,
  latency_ms integer,
  verdict text NOT NULL,
  result_code text,
  error text,
  checks jsonb NOT NULL DEFAULT '[]',
  -- Decrypted tenant credentials from the answer, sealed by the console's secret box.
  credentials_sealed text,
  CONSTRAINT simulator_attempts_verdict_check CHECK (verdict IN ('pass', 'fail'))
);
CREATE INDEX simulator_attempts_callback_id_idx ON simulator_attempts (callback_id);

-- 调测并保存用例: a debug case that passed and was saved, per product and target address.
CREATE TABLE simulator_saved_cases (
  id uuid PRIMARY KEY,
  product_key text NOT NULL,
  case_key text NOT NULL,
  target_url text NOT NULL,
  saved_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX simulator_saved_cases_product_case_target_key ON simulator_saved_cases (product_key, case_key, target_url);

-- 拨测: the saved cases replayed on a schedule (twice a day by default), one schedule per target.
CREATE TABLE simulator_dial_tests (
  id uuid PRIMARY KEY,
  target_url text NOT NULL,
  interval_minutes integer NOT NULL DEFAULT 720,
  enabled boolean NOT NULL DEFAULT true,
  next_run_at timestamptz(3) NOT NULL,
  last_run_at timestamptz(3),
  consecutive_failed_runs integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_dial_tests_interval_check CHECK (interval_minutes BETWEEN 1 AND 10080)
);
CREATE UNIQUE INDEX simulator_dial_tests_target_url_key ON simulator_dial_tests (target_url);
CREATE INDEX simulator_dial_tests_enabled_next_run_at_idx ON simulator_dial_tests (enabled, next_run_at);

CREATE TABLE simulator_dial_runs (
  id uuid PRIMARY KEY,
  dial_test_id uuid NOT NULL REFERENCES simulator_dial_tests (id) ON DELETE CASCADE,
  trigger text NOT NULL,
  started_at timestamptz(3) NOT NULL,
  finished_at timestamptz(3),
  passed integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  results jsonb NOT NULL DEFAULT '[]',
  CONSTRAINT simulator_dial_runs_trigger_check CHECK (trigger IN ('schedule', 'manual'))
);
CREATE INDEX simulator_dial_runs_dial_test_id_started_at_idx ON simulator_dial_runs (dial_test_id, started_at);

-- Licence codes the simulated marketplace issued (授权码 products), for activate and heartbeat.
CREATE TABLE simulator_licence_codes (
  code text PRIMARY KEY,
  subscription_id uuid REFERENCES simulator_subscriptions (id) ON DELETE CASCADE,
  order_id text NOT NULL,
  product_id text NOT NULL,
  status text NOT NULL DEFAULT 'ISSUED',
  activated_at timestamptz(3),
  expire_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT simulator_licence_codes_status_check CHECK (status IN ('ISSUED', 'ALIVE', 'EXPIRED', 'RELEASED'))
);

-- Usage records the seller pushed; metering_sn is unique, as the marketplace requires (code 005).
CREATE TABLE simulator_usage_records (
  metering_sn text PRIMARY KEY,
  instance_id text NOT NULL,
  usage_value numeric(16, 4) NOT NULL,
  begin_time timestamptz(3) NOT NULL,
  end_time timestamptz(3) NOT NULL,
  record_time timestamptz(3) NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX simulator_usage_records_instance_id_idx ON simulator_usage_records (instance_id);

-- migrate:down

DROP TABLE simulator_usage_records;
DROP TABLE simulator_licence_codes;
DROP TABLE simulator_dial_runs;
DROP TABLE simulator_dial_tests;
DROP TABLE simulator_saved_cases;
DROP TABLE simulator_attempts;
DROP TABLE simulator_callbacks;
DROP TABLE simulator_orders;
DROP TABLE simulator_subscriptions;
DROP TABLE simulator_config;
