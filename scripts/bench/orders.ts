// `npm run bench:orders`: server time of the orders list on the `npm run seed:large` data set
// (first page, customer + date range, a deep keyset page, with their total counts), of the
// dashboard (summary and order figures, as the page loads them), and of full CSV and Excel exports
// with the process's peak memory (each export in a fresh child process, so one's garbage does not
// count against the other, and the baseline is what the export itself adds to a running client). Figures are
// reported against the issue's aims (200 ms per page, constant memory under 300 MB), not asserted.
//
// Target: DATABASE_URL, or the seed's default postgres://postgres@127.0.0.1:5432/kgc_large.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { orderListQuerySchema } from "@/lib/contracts/orders";
import { getDashboardSummary } from "@/server/dashboard/get-dashboard-summary";
import { createPrismaClient } from "@/server/db";
import { pgOrderRowReader } from "@/server/orders/export-connection";
import { exportOrdersCsv, exportOrdersXlsx } from "@/server/orders/export-orders";
import { getOrderFigures } from "@/server/orders/get-order-figures";
import { encodeCursor, listOrders } from "@/server/orders/list-orders";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kgc_large";
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_AIM_MS = 200;
const MEMORY_AIM_MB = 300;
const EXPORT_HEAP_CAP_MB = Number(process.env.BENCH_EXPORT_HEAP_MB ?? 128);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const main = async () => {
  const db = createPrismaClient(URL_, 4);
  const deps = { db, now: () => new Date() };
  const total = await db.order.count();
  if (total < 1000) throw new Error(`${URL_} holds ${total} orders; run npm run seed:large first.`);
  console.log(`${total.toLocaleString("en")} orders in ${new URL(URL_).pathname.slice(1)}; ${RUNS} runs each, after one warm-up\n`);

  // A customer with orders in the last 90 days, and the cursor of the row 90 % down the list.
  const [customer] = await db.$queryRaw<{ customer_id: string }[]>`SELECT customer_id FROM orders ORDER BY ordered_at DESC LIMIT 1`;
  const deepOffset = Math.floor(total * 0.9);
  const [deep] = await db.$queryRaw<{ ordered_at: Date; order_id: string }[]>`
    SELECT ordered_at, order_id FROM orders ORDER BY ordered_at DESC, order_id DESC OFFSET ${deepOffset} LIMIT 1`;
  const day = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 - offsetDays * 86_400_000).toISOString().slice(0, 10);

  const cases: { name: string; run: () => Promise<unknown> }[] = [
    { name: "orders: first page (50, newest first, with total)", run: () => listOrders(orderListQuerySchema.parse({}), deps) },
    {
      name: "orders: customer + 90-day range",
      run: () => listOrders(orderListQuerySchema.parse({ customer: customer!.customer_id, from: day(90), to: day(0) }), deps),
    },
    {
      name: "orders: customer name prefix + 30-day range",
      run: () => listOrders(orderListQuerySchema.parse({ customer: "华东示例客户1", from: day(30), to: day(0) }), deps),
    },
    {
      name: `orders: deep page (after row ${deepOffset.toLocaleString("en")}, with total)`,
      run: () => listOrders(orderListQuerySchema.parse({ after: encodeCursor([deep!.ordered_at.toISOString(), deep!.order_id]) }), deps),
    },
    { name: "orders: type RENEW + amount ≥ 4000, sorted by amount", run: () => listOrders(orderListQuerySchema.parse({ orderType: "RENEW", amountMin: "4000", sort: "amount" }), deps) },
    { name: "dashboard summary (server/dashboard)", run: () => getDashboardSummary(deps) },
    { name: "dashboard order figures (server/orders/get-order-figures)", run: () => getOrderFigures(deps) },
    { name: "dashboard page data (both, in parallel as the page does)", run: () => Promise.all([getDashboardSummary(deps), getOrderFigures(deps)]) },
  ];
  let slow = 0;
  for (const item of cases) {
    await item.run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await item.run();
      times.push(performance.now() - start);
    }
    const p50 = median(times);
    if (p50 > PAGE_AIM_MS) slow++;
    console.log(`${item.name.padEnd(62)} median ${p50.toFixed(1).padStart(7)} ms   max ${Math.max(...times).toFixed(1).padStart(7)} ms${p50 > PAGE_AIM_MS ? "   > aim" : ""}`);
  }

  await db.$disconnect();
  let overMemory = false;
  // What the export keeps alive is one page of rows and the zip's buffers; how far the heap grows
  // past that before V8 collects is V8's choice, scaled to the heap it already has. So each export
  // runs twice: with V8's defaults, and with the old generation capped (as a deployment may set
  // in NODE_OPTIONS), which shows the memory the export actually needs.
  for (const format of ["csv", "xlsx"] as const) {
    for (const heapCap of [null, EXPORT_HEAP_CAP_MB]) {
      const flags = heapCap ? [`--max-old-space-size=${heapCap}`] : [];
      const child = spawnSync(process.execPath, [...flags, ...process.execArgv, process.argv[1]!, "--export", format], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
      const line = child.stdout.toString().trim();
      console.log(`\n${heapCap ? `[--max-old-space-size=${heapCap}] ` : "[V8 defaults] "}${line}`);
      const peak = /peak RSS of this process (\d+) MB/.exec(line);
      if (child.status !== 0 || !peak || Number(peak[1]) > MEMORY_AIM_MB) overMemory = true;
    }
  }
  if (slow > 0 || overMemory) console.log(`\n${slow} case(s) over ${PAGE_AIM_MS} ms${overMemory ? "; memory over aim" : ""}`);
};

// One export, in this (child) process: every order, read as the export routes read them.
const exportOnce = async (format: "csv" | "xlsx") => {
  const db = createPrismaClient(URL_, 4);
  const pool = new pg.Pool({ connectionString: URL_, max: 2 });
  // The first query loads the Prisma client's engine: part of the baseline, as in the server.
  await db.order.count({ where: { orderId: "none" } });
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  let rows = 0;
  const exporter = format === "csv" ? exportOrdersCsv : exportOrdersXlsx;
  const reader = exporter(orderListQuerySchema.parse({}), { db }, {
    read: pgOrderRowReader(pool),
    onDone: async (done) => {
      rows = done;
    },
  }).getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const seconds = (performance.now() - start) / 1000;
  const peakMb = peakRss / 1024 / 1024;
  console.log(
    `${format === "csv" ? "CSV" : "Excel (.xlsx)"} export of every order: ${rows.toLocaleString("en")} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rows / seconds).toLocaleString("en")} rows/s); peak RSS of this process ${peakMb.toFixed(0)} MB ` +
      `(${(baselineRss / 1024 / 1024).toFixed(0)} MB before the export; aim < ${MEMORY_AIM_MB} MB)`,
  );
  await pool.end();
  await db.$disconnect();

};

const exportArg = process.argv.indexOf("--export");
(exportArg > 0 ? exportOnce(process.argv[exportArg + 1] === "xlsx" ? "xlsx" : "csv") : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
