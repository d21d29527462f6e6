-- migrate:up

-- The seller's invoice template (发票模板 in 商家信息), from which Huawei issues the platform-fee
-- invoice. A template is a series of versions: every edit adds a version, none is overwritten.
CREATE TABLE invoice_templates (
  id uuid PRIMARY KEY,
  status text NOT NULL DEFAULT 'draft',
  current_version integer NOT NULL DEFAULT 1,
  -- TRUE while the template is the active one, NULL otherwise: the unique index allows one active template.
  active_slot boolean,
  activated_at timestamptz(3),
  activated_by text,
  retired_at timestamptz(3),
  created_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT invoice_templates_status_check CHECK (status IN ('draft', 'active', 'retired')),
  CONSTRAINT invoice_templates_active_slot_check CHECK (active_slot IS NULL OR (active_slot AND status = 'active')),
  CONSTRAINT invoice_templates_active_has_slot_check CHECK (status <> 'active' OR active_slot IS NOT NULL)
);
CREATE UNIQUE INDEX invoice_templates_active_slot_key ON invoice_templates (active_slot);

CREATE TABLE invoice_template_versions (
  id bigserial PRIMARY KEY,
  template_id uuid NOT NULL REFERENCES invoice_templates (id) ON DELETE CASCADE,
  version integer NOT NULL,
  title_type text NOT NULL,
  title text NOT NULL,
  taxpayer_id text,
  bank_name text,
  bank_account text,
  registered_address text,
  registered_phone text,
  invoice_kind text NOT NULL,
  email text,
  mail_recipient text,
  mail_phone text,
  mail_address text,
  -- The fields this version changed against the one before ([] for the first version).
  changed_fields jsonb NOT NULL DEFAULT '[]',
  created_by text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT invoice_template_versions_title_type_check CHECK (title_type IN ('enterprise', 'individual', 'organisation')),
  CONSTRAINT invoice_template_versions_kind_check CHECK (invoice_kind IN ('digital_special', 'digital_ordinary',
    'paper_special', 'paper_ordinary', 'electronic_special', 'electronic_ordinary')),
  CONSTRAINT invoice_template_versions_special_check CHECK (invoice_kind NOT LIKE '%special' OR title_type = 'enterprise')
);
CREATE UNIQUE INDEX invoice_template_versions_template_id_version_key ON invoice_template_versions (template_id, version);

-- The 申付单号 (payment-request number) Huawei paid a bill under; bills paid together share it and
-- are invoiced together.
CREATE TABLE invoice_bill_payment_requests (
  bill_uuid uuid PRIMARY KEY REFERENCES bills (id) ON DELETE CASCADE,
  payment_request_no text NOT NULL,
  recorded_by text,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX invoice_bill_payment_requests_no_idx ON invoice_bill_payment_requests (payment_request_no);

-- A platform-fee invoice the seller requests from Huawei (索取平台费发票).
CREATE TABLE platform_fee_invoice_requests (
  id uuid PRIMARY KEY,
  status text NOT NULL DEFAULT 'requested',
  positive_amount numeric(20, 3) NOT NULL,
  negative_amount numeric(20, 3) NOT NULL,
  net_amount numeric(20, 3) NOT NULL,
  template_id uuid NOT NULL REFERENCES invoice_templates (id),
  template_version integer NOT NULL,
  -- The template version as it read when the request was submitted.
  template_snapshot jsonb NOT NULL,
  -- [{ billUuid, billId, orderId, kind, amount, platformFee }] for every negative line included.
  negative_lines jsonb NOT NULL DEFAULT '[]',
  invoice_number text,
  invoice_date date,
  return_reason text,
  return_credited boolean,
  return_courier text,
  return_tracking_number text,
  requested_by text,
  requested_at timestamptz(3) NOT NULL DEFAULT now(),
  issued_at timestamptz(3),
  issued_by text,
  returned_at timestamptz(3),
  returned_by text,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT platform_fee_invoice_requests_status_check CHECK (status IN ('requested', 'issued', 'returned')),
  CONSTRAINT platform_fee_invoice_requests_net_check CHECK (net_amount > 0),
  CONSTRAINT platform_fee_invoice_requests_issued_check CHECK (status = 'requested' OR invoice_number IS NOT NULL),
  CONSTRAINT platform_fee_invoice_requests_returned_check CHECK (status <> 'returned' OR return_reason IS NOT NULL)
);
CREATE INDEX platform_fee_invoice_requests_requested_at_idx ON platform_fee_invoice_requests (requested_at);

-- The bills a request covers. open_bill_uuid repeats bill_uuid while the request is open
-- (requested or issued) and is cleared when it is returned: a bill is in at most one open request.
CREATE TABLE platform_fee_invoice_request_bills (
  request_id uuid NOT NULL REFERENCES platform_fee_invoice_requests (id) ON DELETE CASCADE,
  bill_uuid uuid NOT NULL REFERENCES bills (id),
  open_bill_uuid uuid,
  bill_id text NOT NULL,
  payment_request_no text,
  platform_fee numeric(20, 3) NOT NULL,
  PRIMARY KEY (request_id, bill_uuid),
  CONSTRAINT platform_fee_invoice_request_bills_open_check CHECK (open_bill_uuid IS NULL OR open_bill_uuid = bill_uuid)
);
CREATE UNIQUE INDEX platform_fee_invoice_request_bills_open_bill_uuid_key ON platform_fee_invoice_request_bills (open_bill_uuid);
CREATE INDEX platform_fee_invoice_request_bills_bill_uuid_idx ON platform_fee_invoice_request_bills (bill_uuid);

-- The issued invoice's PDF, kept apart so lists never read the bytes.
CREATE TABLE platform_fee_invoice_pdfs (
  request_id uuid PRIMARY KEY REFERENCES platform_fee_invoice_requests (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  byte_size integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by text,
  uploaded_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT platform_fee_invoice_pdfs_size_check CHECK (byte_size > 0 AND byte_size <= 5242880)
);

-- migrate:down
DROP TABLE platform_fee_invoice_pdfs;
DROP TABLE platform_fee_invoice_request_bills;
DROP TABLE platform_fee_invoice_requests;
DROP TABLE invoice_bill_payment_requests;
DROP TABLE invoice_template_versions;
DROP TABLE invoice_templates;
