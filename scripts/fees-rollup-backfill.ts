// `npx tsx scripts/fees-rollup-backfill.ts`: rebuilds the fee rollups (fee_order_facts and
// fee_month_rollups) from the orders. Migration 20261128000010 runs the same back-fill once, and
// the database's triggers keep the rollups current after that; run this after loading orders with
// triggers off (a restore, `session_replication_role = replica`), or to check nothing drifted:
// it prints whether the rollups it replaced equal the rebuilt ones.
//
// Target: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/kgc_large (the `npm run seed:large` set).
import pg from "pg";

const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kgc_large";

const SNAPSHOT = `SELECT md5(string_agg(concat_ws('|', product_code, month, placed_day, negative, amount, line_count), ','
                    ORDER BY product_code, month, placed_day, negative)) AS digest, count(*)::int AS n
                    FROM fee_month_rollups WHERE line_count <> 0`;

const main = async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query("SELECT to_regclass('fee_month_rollups') IS NOT NULL AS ok");
    if (!exists.rows[0]?.ok) throw new Error("fee_month_rollups is missing: run the migrations first (npm run db:migrate).");
    await client.query("BEGIN");
    const before = await client.query<{ digest: string | null; n: number }>(SNAPSHOT);
    // Fresh statistics, or a freshly loaded table is planned as if it were empty.
    await client.query("ANALYZE orders, order_lines, instances");
    const started = performance.now();
    const rebuilt = await client.query<{ n: string }>("SELECT fee_rollup_rebuild() AS n");
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const after = await client.query<{ digest: string | null; n: number }>(SNAPSHOT);
    await client.query("COMMIT");
    await client.query("ANALYZE fee_order_facts, fee_month_rollups");
    console.log(`${Number(rebuilt.rows[0]!.n).toLocaleString("en-US")} billable orders, ${after.rows[0]!.n.toLocaleString("en-US")} rollup rows, rebuilt in ${seconds} s`);
    console.log(before.rows[0]!.digest === after.rows[0]!.digest ? "the rollups were already up to date" : `the rollups had drifted or were empty (${before.rows[0]!.n} rows before)`);
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
