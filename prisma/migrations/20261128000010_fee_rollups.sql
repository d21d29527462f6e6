-- migrate:up

-- Fee rollups (issue 7): a year of fees is read from a few hundred thousand pre-summed rows, not
-- from a million orders. Three layers, all maintained by the database itself, so every writer of
-- orders (callbacks, the order-query fetch, bulk seeding) keeps them right without knowing:
--   fee_order_attribution  the rule: each billable order as one signed line with its product,
--                          placing time and attribution time (a view: the straightforward source);
--   fee_order_facts        that view materialised per order (bills read it by attribution month);
--   fee_month_rollups      the facts summed per product, Beijing attribution month, Beijing placing
--                          day and sign (the fee report reads it). The placing day is kept because
--                          the policy in force depends on when an order was placed, and policies
--                          take effect at a Beijing midnight.
-- domain/fees/order-attribution.ts states the same rule in TypeScript; the integration test holds
-- the two to the same lines, and the rollup to the same fen as the straightforward computation.

-- A field of the stored order-query answer (orders.raw_order): the first order line's, else the
-- order's, first of the given names that is present and not blank. The answer's fields beyond
-- createTime/orderLine were not captured (koogallery-callbacks.md §13.7), so names are tried.
-- (One expression, so the planner inlines it: a back-fill reads a million answers.)
CREATE FUNCTION fee_raw_field(raw jsonb, k1 text, k2 text DEFAULT NULL) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(btrim(raw #> '{orderInfo,orderLine,0}' ->> k1), ''),
                  nullif(btrim(raw #> '{orderInfo,orderLine,0}' ->> k2), ''),
                  nullif(btrim(raw -> 'orderInfo' ->> k1), ''),
                  nullif(btrim(raw -> 'orderInfo' ->> k2), ''))
$$;

-- A marketplace time (UTC): yyyyMMddHHmmss, yyyyMMddHHmmssSSS or "yyyy-MM-dd HH:mm:ss[ z]";
-- NULL for anything else, so an odd value never fails an order write.
CREATE FUNCTION fee_marketplace_time(value text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  m text[];
BEGIN
  m := regexp_match(value, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$');
  IF m IS NULL THEN
    m := regexp_match(value, '^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?: ?(?:z|Z|UTC))?$');
  END IF;
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  IF m[1]::int < 1 OR m[2]::int NOT BETWEEN 1 AND 12 OR m[4]::int > 23 OR m[5]::int > 59 OR m[6]::int > 59 THEN
    RETURN NULL;
  END IF;
  IF m[3]::int < 1 OR m[3]::int > extract(day FROM make_date(m[1]::int, m[2]::int, 1) + interval '1 month - 1 day') THEN
    RETURN NULL;
  END IF;
  RETURN make_timestamptz(m[1]::int, m[2]::int, m[3]::int, m[4]::int, m[5]::int, m[6]::int + coalesce(m[7]::int, 0) / 1000.0, 'UTC');
END
$$;

-- Whether the stored answer lets the order into a bill (koogallery-money.md §2.2: paid, repaid
-- when on credit, 服务监管 不涉及 or 已完成). A missing field counts as met: the marketplace calls
-- the console only for paid orders, and most SaaS products have no supervision.
CREATE FUNCTION fee_raw_billable(raw jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(upper(fee_raw_field(raw, 'orderStatus')) NOT IN ('待支付', '已取消', 'UNPAID', 'PENDING_PAYMENT', 'CANCELLED', 'CANCELED'), true)
     AND coalesce(upper(fee_raw_field(raw, 'serviceSupervisionStatus', 'supervisionStatus')) IN ('不涉及', '已完成', 'NOT_INVOLVED', 'NOT_APPLICABLE', 'COMPLETED', 'FINISHED'), true)
     AND coalesce(upper(fee_raw_field(raw, 'repaymentStatus', 'postpaidRepaymentStatus')) IN ('不涉及', '已还款', 'NOT_INVOLVED', 'NOT_APPLICABLE', 'REPAID'), true)
$$;

-- The rule (mirrors attributeOrder in domain/fees/order-attribution.ts). No test traffic, no
-- trials, no empty amounts, nothing not yet billable; reverse orders negative; the product is the
-- smallest code on the order's lines, else on its instance (V1 orders have no lines). Placed: the
-- order's placing time (createTime). Attributed: new, change and renewal orders to the effective
-- time the answer carries, else the placing time; refunds and on-demand orders to the placing time.
CREATE VIEW fee_order_attribution AS
SELECT s.order_id,
       s.product_code,
       s.kind,
       s.amount,
       s.placed_at,
       CASE WHEN s.kind IN ('new', 'change', 'renewal') THEN coalesce(s.effective_at, s.placed_at) ELSE s.placed_at END AS attributed_at
  FROM (
    SELECT o.order_id,
           -- Byte order ("C"), as the TypeScript rule compares. The FILTER keeps the planner from
           -- answering min() by walking the (product_code, order_id) index, which on a table
           -- without statistics yet (a bulk load) it would do for every order.
           coalesce((SELECT min(l.product_code COLLATE "C") FILTER (WHERE l.product_code IS NOT NULL) FROM order_lines l WHERE l.order_id = o.order_id),
                    (SELECT min(i.product_code COLLATE "C") FILTER (WHERE i.product_code IS NOT NULL) FROM instances i WHERE i.order_id = o.order_id),
                    '(unknown)') AS product_code,
           CASE WHEN t.order_type = 'UNSUBSCRIBE' THEN 'refund'
                WHEN o.charging_mode = 'ON_DEMAND' THEN 'on_demand'
                WHEN t.order_type = 'RENEW' THEN 'renewal'
                WHEN t.order_type = 'CHANGE' AND o.amount < 0 THEN 'refund'
                WHEN t.order_type = 'CHANGE' THEN 'change'
                ELSE 'new' END AS kind,
           CASE WHEN t.order_type = 'UNSUBSCRIBE' THEN -abs(o.amount) ELSE o.amount END AS amount,
           o.ordered_at AS placed_at,
           fee_marketplace_time(fee_raw_field(o.raw_order, 'effectiveTime', 'effectTime')) AS effective_at
      FROM orders o
     CROSS JOIN LATERAL (SELECT upper(coalesce(o.order_type, 'NEW')) AS order_type) t
     WHERE NOT o.test_flag
       AND o.amount IS NOT NULL AND o.amount <> 0
       AND t.order_type <> 'TRIAL'
       AND fee_raw_billable(o.raw_order)
  ) s;

CREATE TABLE fee_order_facts (
  order_id text PRIMARY KEY,
  product_code text NOT NULL,
  kind text NOT NULL,
  amount numeric(20, 3) NOT NULL,
  placed_at timestamptz(3) NOT NULL,
  attributed_at timestamptz(3) NOT NULL
);
CREATE INDEX fee_order_facts_attributed_at_idx ON fee_order_facts (attributed_at);

CREATE TABLE fee_month_rollups (
  product_code text NOT NULL,
  -- Beijing month of attribution, YYYY-MM.
  month text NOT NULL,
  -- Beijing date the orders were placed.
  placed_day date NOT NULL,
  negative boolean NOT NULL,
  amount numeric(20, 3) NOT NULL,
  -- A row whose orders all moved away is deleted; readers skip 0 all the same.
  line_count integer NOT NULL,
  PRIMARY KEY (product_code, month, placed_day, negative)
);
CREATE INDEX fee_month_rollups_month_idx ON fee_month_rollups (month);

-- Re-derives the facts of some orders and moves their contribution in the rollups.
CREATE FUNCTION fee_refresh_orders(ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Whoever changes one of these orders in another transaction waits here until this one
  -- commits, and then derives from what this one wrote (each statement below reads afresh).
  PERFORM 1 FROM orders o WHERE o.order_id IN (SELECT unnest(ids)) ORDER BY o.order_id FOR UPDATE;
  INSERT INTO fee_month_rollups AS r (product_code, month, placed_day, negative, amount, line_count)
  SELECT d.product_code, d.month, d.placed_day, d.negative, sum(d.amount), sum(d.n)
    FROM (
      SELECT f.product_code, to_char((f.attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
             ((f.placed_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS placed_day, f.amount < 0 AS negative,
             -f.amount AS amount, -1 AS n
        FROM fee_order_facts f WHERE f.order_id IN (SELECT unnest(ids))
      UNION ALL
      SELECT a.product_code, to_char((a.attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'),
             ((a.placed_at AT TIME ZONE 'UTC') + interval '8 hours')::date, a.amount < 0, a.amount, 1
        FROM fee_order_attribution a WHERE a.order_id IN (SELECT unnest(ids))
    ) d
   GROUP BY 1, 2, 3, 4
  HAVING sum(d.n) <> 0 OR sum(d.amount) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (product_code, month, placed_day, negative)
  DO UPDATE SET amount = r.amount + excluded.amount, line_count = r.line_count + excluded.line_count;
  -- Sums left with no order (an order inserted before its lines first counts as "(unknown)").
  DELETE FROM fee_month_rollups r
   USING (SELECT DISTINCT f.product_code, to_char((f.attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
                 ((f.placed_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS placed_day, f.amount < 0 AS negative
            FROM fee_order_facts f WHERE f.order_id IN (SELECT unnest(ids))) k
   WHERE r.line_count = 0 AND r.product_code = k.product_code AND r.month = k.month AND r.placed_day = k.placed_day AND r.negative = k.negative;
  DELETE FROM fee_order_facts f WHERE f.order_id IN (SELECT unnest(ids));
  INSERT INTO fee_order_facts (order_id, product_code, kind, amount, placed_at, attributed_at)
  SELECT a.order_id, a.product_code, a.kind, a.amount, a.placed_at, a.attributed_at
    FROM fee_order_attribution a WHERE a.order_id IN (SELECT unnest(ids));
END
$$;

-- Statement triggers with transition tables: a bulk insert of 100,000 orders is one refresh.
CREATE FUNCTION fee_track_orders() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM fee_refresh_orders(ARRAY(SELECT DISTINCT n.order_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM fee_refresh_orders(ARRAY(SELECT DISTINCT o.order_id FROM old_rows o));
  ELSE
    PERFORM fee_refresh_orders(ARRAY(
      SELECT DISTINCT x.order_id FROM (
        SELECT n.order_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.order_id, n.order_type, n.charging_mode, n.amount, n.test_flag, n.ordered_at, n.raw_order)
               IS DISTINCT FROM (o.order_id, o.order_type, o.charging_mode, o.amount, o.test_flag, o.ordered_at, o.raw_order)
        UNION ALL
        SELECT o.order_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.order_id IS DISTINCT FROM o.order_id
      ) x));
  END IF;
  RETURN NULL;
END
$$;

-- Order lines and instances carry the product; only a change of product or order matters.
CREATE FUNCTION fee_track_order_products() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM fee_refresh_orders(ARRAY(SELECT DISTINCT n.order_id FROM new_rows n WHERE n.order_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM fee_refresh_orders(ARRAY(SELECT DISTINCT o.order_id FROM old_rows o WHERE o.order_id IS NOT NULL));
  ELSE
    PERFORM fee_refresh_orders(ARRAY(
      SELECT DISTINCT x.order_id FROM (
        SELECT n.order_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.order_id, n.product_code) IS DISTINCT FROM (o.order_id, o.product_code)
        UNION ALL
        SELECT o.order_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.order_id, n.product_code) IS DISTINCT FROM (o.order_id, o.product_code)
      ) x WHERE x.order_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER orders_fee_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_orders();
CREATE TRIGGER orders_fee_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_orders();
CREATE TRIGGER orders_fee_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_orders();
CREATE TRIGGER order_lines_fee_insert AFTER INSERT ON order_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();
CREATE TRIGGER order_lines_fee_update AFTER UPDATE ON order_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();
CREATE TRIGGER order_lines_fee_delete AFTER DELETE ON order_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();
CREATE TRIGGER instances_fee_insert AFTER INSERT ON instances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();
CREATE TRIGGER instances_fee_update AFTER UPDATE ON instances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();
CREATE TRIGGER instances_fee_delete AFTER DELETE ON instances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_track_order_products();

-- Rebuilds facts and rollups from the orders (the back-fill; scripts/fees-rollup-backfill.ts).
-- Order writes wait for it and then apply on top of the rebuilt rows.
CREATE FUNCTION fee_rollup_rebuild() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
BEGIN
  LOCK TABLE fee_order_facts, fee_month_rollups IN EXCLUSIVE MODE;
  DELETE FROM fee_month_rollups;
  DELETE FROM fee_order_facts;
  INSERT INTO fee_order_facts (order_id, product_code, kind, amount, placed_at, attributed_at)
  SELECT order_id, product_code, kind, amount, placed_at, attributed_at FROM fee_order_attribution;
  INSERT INTO fee_month_rollups (product_code, month, placed_day, negative, amount, line_count)
  SELECT product_code, to_char((attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'),
         ((placed_at AT TIME ZONE 'UTC') + interval '8 hours')::date, amount < 0, sum(amount), count(*)
    FROM fee_order_facts
   GROUP BY 1, 2, 3, 4;
  SELECT count(*) INTO total FROM fee_order_facts;
  RETURN total;
END
$$;

SELECT fee_rollup_rebuild();

-- migrate:down
DROP TRIGGER instances_fee_delete ON instances;
DROP TRIGGER instances_fee_update ON instances;
DROP TRIGGER instances_fee_insert ON instances;
DROP TRIGGER order_lines_fee_delete ON order_lines;
DROP TRIGGER order_lines_fee_update ON order_lines;
DROP TRIGGER order_lines_fee_insert ON order_lines;
DROP TRIGGER orders_fee_delete ON orders;
DROP TRIGGER orders_fee_update ON orders;
DROP TRIGGER orders_fee_insert ON orders;
DROP FUNCTION fee_rollup_rebuild();
DROP FUNCTION fee_track_order_products();
DROP FUNCTION fee_track_orders();
DROP FUNCTION fee_refresh_orders(text[]);
DROP TABLE fee_month_rollups;
DROP TABLE fee_order_facts;
DROP VIEW fee_order_attribution;
DROP FUNCTION fee_raw_billable(jsonb);
DROP FUNCTION fee_marketplace_time(text);
DROP FUNCTION fee_raw_field(jsonb, text, text);
