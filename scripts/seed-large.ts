// `npm run seed:large`: a million orders (with their lines, instances, lifecycle events and
// callback messages) in a real PostgreSQL, for `npm run bench:orders` and for trying the console
// at scale. Everything is generated inside the server with generate_series, in batches, so it
// takes minutes and no memory on this side.
//
// The dashboard's running figures are kept by triggers as the batches go in, and rebuilt from the
// rows at the end (also when the orders were already there), so they start exactly right.
//
// Target: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/kgc_large (created when missing).
// Refuses a database that already holds seeded orders unless SEED_FORCE=1, and refuses a non-local
// server unless SEED_ALLOW_REMOTE=1: this is test data, not something to put next to real orders.
import pg from "pg";
import { runMigrations } from "@/server/database/migrations";
import { rebuildOrderFigures } from "@/server/orders/rebuild-order-figures";

export const DEFAULT_LARGE_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kgc_large";
const ORDERS = Number(process.env.SEED_ORDERS ?? 1_000_000);
const BATCH = 100_000;
export const SEED_PREFIX = "CSL";

const ensureDatabase = async (url: string) => {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Create the database ${name} first.`);
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
};

// One batch of orders [from, to]: i = 1 is the newest, one order every 31.5 s back over a year.
const BATCH_SQL = `
WITH s AS (
  SELECT i,
         now() - make_interval(secs => i * 31.5) AS at,
         ((i::bigint * 7919) % 20000)::int AS customer,
         CASE WHEN i % 20 < 12 OR i % 20 >= 18 THEN 'NEW' WHEN i % 20 < 14 THEN 'RENEW' WHEN i % 20 = 14 THEN 'TRIAL'
              WHEN i % 20 = 15 THEN 'TRIAL_TO_FORMAL' WHEN i % 20 = 16 THEN 'CHANGE' ELSE 'UNSUBSCRIBE' END AS order_type,
         CASE WHEN i % 20 < 14 THEN 'PERIOD' WHEN i % 20 < 17 THEN 'ONE_TIME' WHEN i % 20 < 19 THEN 'ON_DEMAND' ELSE 'ON_DEMAND_PKG' END AS charging_mode
  FROM generate_series($1::int, $2::int) AS i
), o AS (
  INSERT INTO orders (id, order_id, order_type, customer_id, customer_name, customer_type, charging_mode, period_type, period_number,
                      amount, amount_after_discount, currency, test_flag, source, raw_order, fetched_at, created_at, updated_at, ordered_at)
  SELECT gen_random_uuid(), '${SEED_PREFIX}' || lpad(i::text, 10, '0'), order_type, 'cust-' || customer,
         (ARRAY['华东','华南','华北','西部','Global'])[1 + customer % 5] || '示例客户' || customer, '1', charging_mode,
         CASE WHEN charging_mode = 'PERIOD' THEN 'month' END, CASE WHEN charging_mode = 'PERIOD' THEN 1 + i % 12 END,
         CASE WHEN order_type = 'UNSUBSCRIBE' THEN -((i * 37) % 5000 + 0.5) ELSE (i * 37) % 5000 + 0.5 END,
         CASE WHEN order_type = 'UNSUBSCRIBE' THEN -((i * 37) % 5000) ELSE (i * 37) % 5000 END,
         'CNY', i % 50 = 0, 'marketplace', NULL, at, at, at, at
  FROM s
  RETURNING order_id
)
SELECT count(*)::int AS n FROM o`;

const LINES_SQL = `
INSERT INTO order_lines (id, order_id, order_line_id, product_code, sku_code, charging_mode, period_type, period_number, amount, amount_after_discount, expire_at, created_at)
SELECT gen_random_uuid(), o.order_id, o.order_id || '-000001', '00301-BENCH-' || lpad((substr(o.order_id, 4)::int % 50)::text, 2, '0'),
       'SKU-' || (substr(o.order_id, 4)::int % 3), o.charging_mode, o.period_type, o.period_number, o.amount, o.amount_after_discount,
       CASE WHEN o.charging_mode IN ('PERIOD', 'ON_DEMAND_PKG') THEN o.ordered_at + interval '1 year' END, o.ordered_at
FROM orders o WHERE o.order_id BETWEEN $1 AND $2`;

const INSTANCES_SQL = `
INSERT INTO instances (id, instance_id, dedupe_key, generation, order_id, order_line_id, product_code, sku_code, customer_id, customer_name,
                       charging_mode, status, is_trial, test_flag, expire_at, front_end_url, created_at, updated_at, provisioned_at)
SELECT gen_random_uuid(), 'INSB' || substr(o.order_id, 4), 'v2:' || o.order_id || ':' || l.order_line_id, 'v2', o.order_id, l.order_line_id,
       l.product_code, l.sku_code, o.customer_id, o.customer_name, o.charging_mode,
       CASE WHEN n % 100 < 70 THEN 'active' WHEN n % 100 < 80 THEN 'frozen' WHEN n % 100 < 95 THEN 'released' WHEN n % 100 < 97 THEN 'failed' ELSE 'provisioning' END,
       o.order_type = 'TRIAL', o.test_flag, l.expire_at, 'https://tenant-' || n || '.saas.example.com', o.ordered_at, o.ordered_at, o.ordered_at
FROM orders o JOIN order_lines l ON l.order_id = o.order_id, LATERAL (SELECT substr(o.order_id, 4)::int AS n) k
WHERE o.order_id BETWEEN $1 AND $2 AND o.order_type IN ('NEW', 'TRIAL')`;

const EVENTS_SQL = `
INSERT INTO instance_events (instance_id, kind, order_id, details, occurred_at)
SELECT i.instance_id, 'created', i.order_id, '{}'::jsonb, i.created_at FROM instances i WHERE i.order_id BETWEEN $1 AND $2`;

const REQUESTS_SQL = `
INSERT INTO inbound_requests (received_at, method, path, query, headers, body, body_size, generation, state, activity, verification,
                              result_code, result_message, answered_at, latency_ms, test_flag, order_id, instance_id)
SELECT o.ordered_at, 'POST', '/api/koogallery', 'signature=seed&timestamp=0&nonce=seed', '{}'::jsonb,
       convert_to('{"activity":"newInstance","orderId":"' || o.order_id || '"}', 'UTF8'), 60, 'v2', 'answered', 'newInstance', 'ok',
       '000000', 'success', o.ordered_at, 12, o.test_flag, o.order_id, 'INSB' || substr(o.order_id, 4)
FROM orders o WHERE o.order_id BETWEEN $1 AND $2`;

const rebuildFigures = async (client: pg.Client) => {
  const started = Date.now();
  await client.query("BEGIN");
  await rebuildOrderFigures(client);
  await client.query("COMMIT");
  await client.query("ANALYZE order_daily_figures, instance_status_counts");
  console.log(`dashboard figures rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

const main = async () => {
  const url = process.env.DATABASE_URL ?? DEFAULT_LARGE_DATABASE_URL;
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host) && process.env.SEED_ALLOW_REMOTE !== "1") {
    throw new Error(`Refusing to seed test orders into a non-local database (${host}); set SEED_ALLOW_REMOTE=1 if you mean it.`);
  }
  await ensureDatabase(url);
  process.stdout.write(await runMigrations(url));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE order_id LIKE '${SEED_PREFIX}%'`);
    if ((existing.rows[0]?.n ?? 0) > 0 && process.env.SEED_FORCE !== "1") {
      console.log(`${existing.rows[0]!.n} seeded orders are already there; nothing to do (SEED_FORCE=1 adds the missing ones).`);
      await rebuildFigures(client);
      return;
    }
    const started = Date.now();
    for (let from = 1; from <= ORDERS; from += BATCH) {
      const to = Math.min(ORDERS, from + BATCH - 1);
      const [lo, hi] = [`${SEED_PREFIX}${String(from).padStart(10, "0")}`, `${SEED_PREFIX}${String(to).padStart(10, "0")}`];
      await client.query("BEGIN");
      await client.query("DELETE FROM orders WHERE order_id BETWEEN $1 AND $2", [lo, hi]);
      await client.query("DELETE FROM inbound_requests WHERE order_id BETWEEN $1 AND $2", [lo, hi]);
      await client.query("DELETE FROM instances WHERE order_id BETWEEN $1 AND $2", [lo, hi]);
      await client.query(BATCH_SQL, [from, to]);
      await client.query(LINES_SQL, [lo, hi]);
      await client.query(INSTANCES_SQL, [lo, hi]);
      await client.query(EVENTS_SQL, [lo, hi]);
      await client.query(REQUESTS_SQL, [lo, hi]);
      await client.query("COMMIT");
      console.log(`orders ${from}–${to} with lines, instances, events and callbacks (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await rebuildFigures(client);
    // Fresh statistics (or the planner guesses), and a visibility map so counts can use index-only scans.
    await client.query("VACUUM ANALYZE orders, order_lines, instances, instance_events, inbound_requests");
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_lines)::int AS lines,
              (SELECT count(*) FROM instances)::int AS instances, (SELECT count(*) FROM inbound_requests)::int AS callbacks`,
    );
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s:`, counts.rows[0]);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
