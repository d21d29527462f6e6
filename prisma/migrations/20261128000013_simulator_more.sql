-- migrate:up

-- The callbacks of one buyer action that come after this one (e.g. V2 UNFREEZE after the
-- renewal's refreshInstance): the marketplace sends them once this callback has succeeded,
-- also when that success comes only on one of its retries.
ALTER TABLE simulator_callbacks ADD COLUMN follow_ups jsonb;

-- migrate:down

ALTER TABLE simulator_callbacks DROP COLUMN follow_ups;
