// `npm run bench:fees`: the 12-month fee report over 1,000,000 orders on the real PostgreSQL
// (issue 7, "Tests and figures"; aim: under 2 s of server time). Creates a throwaway database
// (dropped on every way out), fills it with generate_series — 200 products, a year of orders
// spread over Beijing months, 3% refunds, one order line per order, some V1 orders without lines,
// a third with a stored order-query answer (effective times, statuses) — then back-fills the fee
// rollups (fee_rollup_rebuild(), what migration 20261128000010 and scripts/fees-rollup-backfill.ts
// run; the seed itself goes in with triggers off, as a restore would) and times buildFeeReport,
// which reads fee_month_rollups and applies the tiers on the summed rows. Once, it also builds the
// report straight from the orders through the rule and checks the two are equal to the fen.
// BENCH_TRIGGERS=1 seeds with the triggers on instead, to see what they cost a bulk insert.
// The figures are reported, not asserted: exit code 0 unless something failed.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { runMigrations } from "@/server/database/migrations";
import { createPrismaClient } from "@/server/db";
import { isDeepStrictEqual } from "node:util";
import { buildFeeReport } from "@/server/fees/build-fee-report";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AIM_MS = 2000;
const NOW = new Date("2026-11-20T12:00:00+08:00");

const name = `kgc_bench_fees_${randomBytes(4).toString("hex")}`;
let created = false;
// BENCH_KEEP_DB=1 leaves the database for EXPLAIN ANALYZE; its name is printed.
const KEEP = process.env.BENCH_KEEP_DB === "1";
const TRIGGERS = process.env.BENCH_TRIGGERS === "1";
const COMPARE = process.env.BENCH_COMPARE !== "0";

const dropDatabase = async () => {
  if (!created || KEEP) return;
  created = false;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
};

process.on("SIGINT", () => void dropDatabase().finally(() => process.exit(130)));

const main = async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  created = true;
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const seedStart = performance.now();
  // Triggers off for the bulk seed (superuser only), like a restore; the back-fill below rebuilds.
  if (!TRIGGERS) await client.query("SET session_replication_role = replica");
  // A year before NOW, evenly spread; amounts 10–5,000 yuan with fen; every 33rd order a refund;
  // every 10th a V1 order (product on the instance, no order line); every 50th test traffic.
  await client.query(
    `INSERT INTO orders (id, order_id, order_type, charging_mode, amount, currency, test_flag, ordered_at, created_at, updated_at, raw_order)
     SELECT gen_random_uuid(), 'B' || g,
            CASE WHEN g % 33 = 0 THEN 'UNSUBSCRIBE' WHEN g % 7 = 0 THEN 'RENEW' ELSE 'NEW' END,
            'PERIOD', round((10 + (g::bigint * 7919 % 499000) / 100.0)::numeric, 2), 'CNY', g % 50 = 0,
            at, at, $1::timestamptz,
            CASE WHEN g % 3 = 0 THEN jsonb_build_object('resultCode', 'MKT.0000', 'orderInfo', jsonb_build_object(
              'orderId', 'B' || g,
              'orderStatus', CASE WHEN g % 97 = 0 THEN '待支付' ELSE '已完成' END,
              'orderLine', jsonb_build_array(jsonb_build_object('orderLineId', 'B' || g || '-000001',
                'effectiveTime', to_char((at + (g % 40) * interval '1 day') AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS'))))) END
       FROM generate_series(1, $2::int) AS g,
            LATERAL (SELECT $1::timestamptz - (g % 525600) * interval '1 minute' AS at) t`,
    [NOW, ORDERS],
  );
  await client.query(
    `INSERT INTO order_lines (id, order_id, order_line_id, product_code, created_at)
     SELECT gen_random_uuid(), 'B' || g, 'B' || g || '-000001', 'P' || (g % 200), now()
       FROM generate_series(1, $1::int) AS g WHERE g % 10 <> 0`,
    [ORDERS],
  );
  await client.query(
    `INSERT INTO instances (id, instance_id, dedupe_key, generation, order_id, product_code, status)
     SELECT gen_random_uuid(), 'I' || g, 'v1:B' || g, 'v1', 'B' || g, 'P' || (g % 200), 'active'
       FROM generate_series(10, $1::int, 10) AS g`,
    [ORDERS],
  );
  // Two products on other terms, so the policy resolution does more than the default.
  await client.query(`INSERT INTO fee_product_terms (product_code, category, platform_fee_percent) VALUES ('P1', 'general', 10), ('P2', 'joint', 30)`);
  await client.query("RESET session_replication_role");
  console.log(`seeded ${ORDERS.toLocaleString("en-US")} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (triggers ${TRIGGERS ? "on" : "off"})`);
  if (!TRIGGERS) {
    await client.query("ANALYZE orders, order_lines, instances");
    const backfillStart = performance.now();
    const rebuilt = await client.query<{ n: string }>("SELECT fee_rollup_rebuild() AS n");
    console.log(`back-fill: ${Number(rebuilt.rows[0]!.n).toLocaleString("en-US")} order facts and their rollups in ${((performance.now() - backfillStart) / 1000).toFixed(1)} s`);
  }
  await client.query("VACUUM ANALYZE");
  const sizes = await client.query<{ facts: number; rollups: number }>(
    "SELECT (SELECT count(*) FROM fee_order_facts)::int AS facts, (SELECT count(*) FROM fee_month_rollups)::int AS rollups",
  );
  console.log(`fee_order_facts ${sizes.rows[0]!.facts.toLocaleString("en-US")} rows, fee_month_rollups ${sizes.rows[0]!.rollups.toLocaleString("en-US")} rows`);
  await client.end();
  if (KEEP) console.log(`database kept: ${name}`);

  const db = createPrismaClient(url.toString(), 4);
  const deps = { db, now: () => NOW };
  const query = feeReportQuerySchema.parse({ months: "12" });
  const timings: number[] = [];
  let lines = 0;
  for (let run = 0; run < RUNS; run++) {
    const report = await buildFeeReport(query, deps);
    timings.push(report.serverMs);
    lines = report.monthTotals.reduce((count, month) => count + month.lineCount, 0);
  }
  if (COMPARE) {
    const fromRollups = await buildFeeReport(query, deps, { source: "rollups" });
    const fromOrders = await buildFeeReport(query, deps, { source: "orders" });
    const same = isDeepStrictEqual({ ...fromRollups, serverMs: 0 }, { ...fromOrders, serverMs: 0 });
    console.log(`straight from the orders (the reference): ${fromOrders.serverMs} ms; reports equal to the fen: ${same ? "yes" : "NO"}`);
    if (!same) process.exitCode = 1;
  }
  await db.$disconnect();
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`fee report, 12 months, ${lines.toLocaleString("en-US")} settled lines, ${RUNS} runs`);
  console.log(`server time ms: ${timings.join(", ")} (first run includes a cold cache)`);
  console.log(`median ${median} ms, best ${sorted[0]} ms — aim < ${AIM_MS} ms: ${median < AIM_MS ? "met" : "NOT met"}`);
  console.log(`load: ${(await import("node:os")).loadavg().map((n) => n.toFixed(2)).join(" ")} (1/5/15 min)`);
};

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => dropDatabase());
