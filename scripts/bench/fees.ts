// `npm run bench:fees`: the 12-month fee report over 1,000,000 orders on the real PostgreSQL
// (issue 7, "Tests and figures"; aim: under 2 s of server time). Creates a throwaway database
// (dropped on every way out), fills it with generate_series — 200 products, a year of orders
// spread over Beijing months, 3% refunds, one order line per order, some V1 orders without lines
// — and times buildFeeReport, which sums in SQL and applies the tiers on the summed rows.
// The figure is reported, not asserted: exit code 0 unless something failed.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { runMigrations } from "@/server/database/migrations";
import { createPrismaClient } from "@/server/db";
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
  // A year before NOW, evenly spread; amounts 10–5,000 yuan with fen; every 33rd order a refund;
  // every 10th a V1 order (product on the instance, no order line); every 50th test traffic.
  await client.query(
    `INSERT INTO orders (id, order_id, order_type, charging_mode, amount, currency, test_flag, created_at, updated_at)
     SELECT gen_random_uuid(), 'B' || g,
            CASE WHEN g % 33 = 0 THEN 'UNSUBSCRIBE' WHEN g % 7 = 0 THEN 'RENEW' ELSE 'NEW' END,
            'PERIOD', round((10 + (g::bigint * 7919 % 499000) / 100.0)::numeric, 2), 'CNY', g % 50 = 0,
            $1::timestamptz - (g % 525600) * interval '1 minute', $1::timestamptz
       FROM generate_series(1, $2::int) AS g`,
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
  await client.query("ANALYZE");
  await client.end();
  if (KEEP) console.log(`database kept: ${name}`);
  console.log(`seeded ${ORDERS.toLocaleString("en-US")} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

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
  await db.$disconnect();
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`fee report, 12 months, ${lines.toLocaleString("en-US")} settled lines, ${RUNS} runs`);
  console.log(`server time ms: ${timings.join(", ")} (first run includes a cold cache)`);
  console.log(`median ${median} ms, best ${sorted[0]} ms — aim < ${AIM_MS} ms: ${median < AIM_MS ? "met" : "NOT met"}`);
};

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => dropDatabase());
