-- migrate:up

-- The callbacks of one buyer action that come after this one (e.g. V2 UNFREEZE after the
-- renewal's refreshInstance): the marketplace sends them once this callback has succeeded,
-- also when that success comes only on one of its retries.
ALTER TABLE simulator_callbacks ADD COLUMN follow_ups jsonb;

-- How a failed dial-test run was alerted: 'sent', 'no-channel' (no alert channel configured) or
-- the channel's error. Null for a run without failures.
ALTER TABLE simulator_dial_runs ADD COLUMN alert text;

-- migrate:down

ALTER TABLE simulator_dial_runs DROP COLUMN alert;
ALTER TABLE simulator_callbacks DROP COLUMN follow_ups;
