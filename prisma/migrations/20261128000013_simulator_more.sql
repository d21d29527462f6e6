-- migrate:up

-- The callbacks of one buyer action that come after this one (e.g. V2 UNFREEZE after the
-- renewal's refreshInstance): the marketplace sends them once this callback has succeeded,
-- also when that success comes only on one of its retries.
ALTER TABLE simulator_callbacks ADD COLUMN follow_ups jsonb;

-- How a failed dial-test run was alerted: 'sent', 'no-channel' (no alert channel configured) or
-- the channel's error. Null for a run without failures.
ALTER TABLE simulator_dial_runs ADD COLUMN alert text;

-- 联营Kit sync calls (V2) are signed with the seller's kit key.
ALTER TABLE simulator_callbacks DROP CONSTRAINT simulator_callbacks_key_kind_check;
ALTER TABLE simulator_callbacks ADD CONSTRAINT simulator_callbacks_key_kind_check CHECK (key_kind IN ('v1', 'basic', 'licence', 'kit'));

-- migrate:down

DELETE FROM simulator_callbacks WHERE key_kind = 'kit';
ALTER TABLE simulator_callbacks DROP CONSTRAINT simulator_callbacks_key_kind_check;
ALTER TABLE simulator_callbacks ADD CONSTRAINT simulator_callbacks_key_kind_check CHECK (key_kind IN ('v1', 'basic', 'licence'));

ALTER TABLE simulator_dial_runs DROP COLUMN alert;
ALTER TABLE simulator_callbacks DROP COLUMN follow_ups;
