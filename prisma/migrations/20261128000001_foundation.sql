-- migrate:up
CREATE TYPE operator_role AS ENUM ('owner', 'operator', 'finance', 'viewer');

CREATE TABLE operators (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  role operator_role NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at timestamptz(3),
  last_sign_in_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT operators_email_is_lowercase CHECK (email = lower(email))
);
CREATE UNIQUE INDEX operators_email_key ON operators (email);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  operator_id uuid NOT NULL REFERENCES operators (id) ON DELETE CASCADE ON UPDATE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  ip_address text,
  user_agent text
);
CREATE INDEX sessions_operator_id_idx ON sessions (operator_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE sign_in_throttles (
  email text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz(3),
  locked_until timestamptz(3)
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_email text,
  action text NOT NULL,
  target_type text,
  target_id text,
  ip_address text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_action_occurred_at_idx ON audit_events (action, occurred_at);
CREATE INDEX audit_events_actor_id_occurred_at_idx ON audit_events (actor_id, occurred_at);

-- The audit log is evidence: the database itself refuses to rewrite it, whatever the app does.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb,
  encrypted_value text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_by_id uuid
);

-- migrate:down
DROP TABLE settings;
DROP TRIGGER audit_events_no_update_or_delete ON audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE audit_events;
DROP TABLE sign_in_throttles;
DROP TABLE sessions;
DROP TABLE operators;
DROP TYPE operator_role;
