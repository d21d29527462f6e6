-- migrate:up

-- The dashboard's 24-hour delivery success rate counts the attempts started in the last day by
-- outcome. Without an index that is a scan of every attempt ever made (190 ms at 560,000 attempts,
-- growing with the table); with one it reads one day's rows (2 ms).
-- started_at rather than finished_at: started_at is written once, when the attempt opens, while
-- finished_at and outcome are written when it ends; an index on either would make that second
-- write a non-HOT update with an entry in every index of the table, which cost PostgreSQL about
-- 15 % more CPU per delivery in `npm run bench:deliveries` (1.26 / 1.05 ms against 1.06 / 0.91 ms).
CREATE INDEX delivery_attempts_started_at_idx ON delivery_attempts (started_at);

-- migrate:down
DROP INDEX delivery_attempts_started_at_idx;
