-- migrate:up

-- Running figures for the dashboard (issue 6), so it reads a few hundred rows instead of
-- scanning a million orders. Kept by the database itself: statement-level triggers with
-- transition tables add each statement's net change (new rows minus old rows) in the same
-- transaction as the write, whoever writes (the gateway, the order fetch, a seed script, psql).
-- Concurrent writers are safe: INSERT … ON CONFLICT DO UPDATE adds to the latest committed value
-- under the row's lock, and keys are taken in one order, so two writers never deadlock here.

-- Orders and deal amount (currencyAfterDiscount, else the order amount; refunds negative) per
-- Beijing day (the seller's day), order type ('' when not known yet) and test flag.
CREATE TABLE order_daily_figures (
  day date NOT NULL,
  order_type text NOT NULL,
  test_flag boolean NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  amount numeric(20, 3) NOT NULL DEFAULT 0,
  PRIMARY KEY (day, order_type, test_flag)
);

CREATE FUNCTION order_daily_figures_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The transition tables that exist depend on the event; each branch names only those. An
  -- update that moves no figure (a fetch error, updated_at) nets to zero and touches nothing.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO order_daily_figures AS f (day, order_type, test_flag, orders, amount)
      SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(order_type, ''), test_flag, count(*), sum(coalesce(amount_after_discount, amount, 0))
      FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, order_type, test_flag) DO UPDATE SET orders = f.orders + excluded.orders, amount = f.amount + excluded.amount;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO order_daily_figures AS f (day, order_type, test_flag, orders, amount)
      SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(order_type, ''), test_flag, -count(*), -sum(coalesce(amount_after_discount, amount, 0))
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, order_type, test_flag) DO UPDATE SET orders = f.orders + excluded.orders, amount = f.amount + excluded.amount;
  ELSE
    INSERT INTO order_daily_figures AS f (day, order_type, test_flag, orders, amount)
      SELECT day, order_type, test_flag, sum(n), sum(amount) FROM (
        SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, coalesce(order_type, '') AS order_type, test_flag,
               1 AS n, coalesce(amount_after_discount, amount, 0) AS amount FROM new_rows
        UNION ALL
        SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(order_type, ''), test_flag,
               -1, -coalesce(amount_after_discount, amount, 0) FROM old_rows
      ) AS change
      GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, order_type, test_flag) DO UPDATE SET orders = f.orders + excluded.orders, amount = f.amount + excluded.amount;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER orders_figures_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION order_daily_figures_apply();
CREATE TRIGGER orders_figures_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION order_daily_figures_apply();
CREATE TRIGGER orders_figures_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION order_daily_figures_apply();

CREATE FUNCTION order_daily_figures_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM order_daily_figures;
  RETURN NULL;
END;
$$;
CREATE TRIGGER orders_figures_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION order_daily_figures_truncate();

-- Instances per status and test flag, kept the same way.
CREATE TABLE instance_status_counts (
  status text NOT NULL,
  test_flag boolean NOT NULL,
  instances integer NOT NULL DEFAULT 0,
  PRIMARY KEY (status, test_flag)
);

CREATE FUNCTION instance_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO instance_status_counts AS c (status, test_flag, instances)
      SELECT status, test_flag, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status, test_flag) DO UPDATE SET instances = c.instances + excluded.instances;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO instance_status_counts AS c (status, test_flag, instances)
      SELECT status, test_flag, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status, test_flag) DO UPDATE SET instances = c.instances + excluded.instances;
  ELSE
    INSERT INTO instance_status_counts AS c (status, test_flag, instances)
      SELECT status, test_flag, sum(n) FROM (
        SELECT status, test_flag, 1 AS n FROM new_rows UNION ALL SELECT status, test_flag, -1 FROM old_rows
      ) d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT (status, test_flag) DO UPDATE SET instances = c.instances + excluded.instances;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER instances_status_insert AFTER INSERT ON instances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instance_status_counts_apply();
CREATE TRIGGER instances_status_update AFTER UPDATE ON instances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instance_status_counts_apply();
CREATE TRIGGER instances_status_delete AFTER DELETE ON instances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION instance_status_counts_apply();

CREATE FUNCTION instance_status_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM instance_status_counts;
  RETURN NULL;
END;
$$;
CREATE TRIGGER instances_status_truncate AFTER TRUNCATE ON instances FOR EACH STATEMENT EXECUTE FUNCTION instance_status_counts_truncate();

-- What is already there.
INSERT INTO order_daily_figures (day, order_type, test_flag, orders, amount)
  SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(order_type, ''), test_flag, count(*), sum(coalesce(amount_after_discount, amount, 0))
  FROM orders GROUP BY 1, 2, 3;
INSERT INTO instance_status_counts (status, test_flag, instances)
  SELECT status, test_flag, count(*) FROM instances GROUP BY 1, 2;

-- Exports of the order list: one row per export, so the browser can follow its progress (rows
-- written of the filter's total) and cancel it, whichever app process streams the file.
CREATE TABLE order_exports (
  id uuid PRIMARY KEY,
  operator_id uuid NOT NULL,
  -- "csv" or "xlsx".
  format text NOT NULL,
  filter jsonb NOT NULL,
  total integer NOT NULL,
  total_is_exact boolean NOT NULL,
  rows_done integer NOT NULL DEFAULT 0,
  -- ready → running → finished | cancelled | failed
  status text NOT NULL DEFAULT 'ready',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3)
);
CREATE INDEX order_exports_created_at_idx ON order_exports (created_at);

-- migrate:down
DROP TABLE order_exports;
DROP TRIGGER instances_status_truncate ON instances;
DROP TRIGGER instances_status_delete ON instances;
DROP TRIGGER instances_status_update ON instances;
DROP TRIGGER instances_status_insert ON instances;
DROP FUNCTION instance_status_counts_truncate();
DROP FUNCTION instance_status_counts_apply();
DROP TABLE instance_status_counts;
DROP TRIGGER orders_figures_truncate ON orders;
DROP TRIGGER orders_figures_delete ON orders;
DROP TRIGGER orders_figures_update ON orders;
DROP TRIGGER orders_figures_insert ON orders;
DROP FUNCTION order_daily_figures_truncate();
DROP FUNCTION order_daily_figures_apply();
DROP TABLE order_daily_figures;
