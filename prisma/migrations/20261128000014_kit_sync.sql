-- migrate:up

-- 联营Kit sync data (§3.5), keyed per §4 by (instance, tenant[, app][, orgCode/userName]).
-- instance_id is '' for the seller's own test-account calls; deletes are soft (deleted_at).
CREATE TABLE kit_tenants (
  id uuid PRIMARY KEY,
  instance_id text NOT NULL DEFAULT '',
  tenant_id text NOT NULL,
  order_id text,
  tenant_code text,
  name text,
  domain_name text,
  generation text NOT NULL,
  test_flag boolean NOT NULL DEFAULT false,
  deleted_at timestamptz(3),
  last_sync_at timestamptz(3) NOT NULL,
  inbound_request_id bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kit_tenants_instance_id_tenant_id_key ON kit_tenants (instance_id, tenant_id);
CREATE INDEX kit_tenants_tenant_id_idx ON kit_tenants (tenant_id);

-- client_secret_sealed: the marketplace's RSA-OAEP ciphertext, sealed again with the console's
-- secretBox; the console does not hold the seller's RSA private key that would decrypt it.
CREATE TABLE kit_applications (
  id uuid PRIMARY KEY,
  instance_id text NOT NULL DEFAULT '',
  tenant_id text NOT NULL,
  app_id text NOT NULL,
  client_id text,
  client_secret_sealed text,
  generation text NOT NULL,
  test_flag boolean NOT NULL DEFAULT false,
  deleted_at timestamptz(3),
  last_sync_at timestamptz(3) NOT NULL,
  inbound_request_id bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kit_applications_instance_id_tenant_id_app_id_key ON kit_applications (instance_id, tenant_id, app_id);

CREATE TABLE kit_org_units (
  id uuid PRIMARY KEY,
  instance_id text NOT NULL DEFAULT '',
  tenant_id text NOT NULL,
  org_code text NOT NULL,
  org_name text,
  parent_code text,
  test_flag boolean NOT NULL DEFAULT false,
  deleted_at timestamptz(3),
  last_sync_at timestamptz(3) NOT NULL,
  inbound_request_id bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kit_org_units_instance_id_tenant_id_org_code_key ON kit_org_units (instance_id, tenant_id, org_code);

CREATE TABLE kit_users (
  id uuid PRIMARY KEY,
  instance_id text NOT NULL DEFAULT '',
  tenant_id text NOT NULL,
  app_id text NOT NULL,
  user_name text NOT NULL,
  name text,
  org_code text,
  position text,
  employee_code text,
  employee_type integer,
  role text,
  enabled boolean NOT NULL DEFAULT true,
  authorised boolean NOT NULL DEFAULT true,
  contact_sealed text,
  test_flag boolean NOT NULL DEFAULT false,
  deleted_at timestamptz(3),
  last_sync_at timestamptz(3) NOT NULL,
  inbound_request_id bigint,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kit_users_instance_id_tenant_id_app_id_user_name_key ON kit_users (instance_id, tenant_id, app_id, user_name);

-- migrate:down
DROP TABLE kit_users;
DROP TABLE kit_org_units;
DROP TABLE kit_applications;
DROP TABLE kit_tenants;
