import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { beijingMonthOf } from "@/domain/fees/beijing-month";
import { money } from "@/domain/fees/money";
import { attributeOrder } from "@/domain/fees/order-attribution";
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { formatOrderCreateTime } from "@/lib/marketplace/koogallery/time-formats";
import { buildFeeReport } from "@/server/fees/build-fee-report";
import { createFeePolicy, saveProductTerms } from "@/server/fees/fee-admin";
import { boundariesAtBeijingMidnight } from "@/server/fees/fee-order-source";
import { loadFeePolicies } from "@/server/fees/load-fee-config";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

// The rollups the database keeps (fee_order_facts, fee_month_rollups) against the straightforward
// computation (every order through the rule), on a generated data set that is then changed the
// ways orders change: amounts corrected, answers fetched (effective times, statuses), products
// moved, instances added, orders deleted.
let testDb: TestDatabase;
const NOW = new Date("2024-06-15T12:00:00+08:00");
const deps = () => ({ db: testDb.db, now: () => NOW });
const actor = { id: null, email: "owner@example.com" };

// A small deterministic generator (mulberry32), so a failure can be replayed.
const random = (() => {
  let a = 0x7e57_2024;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// "a-low" sorts first in byte order, after the "P-…" codes in most locales: the smallest code must not depend on the collation.
const PRODUCTS = ["P-A", "P-B", "P-C", "P-D", "P-TEN", "P-JNT", "a-low"];
const TYPES = ["NEW", "NEW", "NEW", "RENEW", "RENEW", "CHANGE", "UNSUBSCRIBE", "TRIAL", "TRIAL_TO_FORMAL", null] as const;
const MODES = ["PERIOD", "PERIOD", "ONE_TIME", "ON_DEMAND", null] as const;
const START = new Date("2023-05-01T00:00:00+08:00").getTime();
const SPAN = new Date("2024-07-05T00:00:00+08:00").getTime() - START;

const amountFor = (product: string) => {
  // P-A sells enough to cross tiers in some months; cents and mills included.
  const scale = product === "P-A" ? 150_000 : 3_000;
  return (Math.floor(random() * scale * 1000) / 1000).toFixed(3);
};

const rawAnswer = (orderId: string, orderedAt: Date) => {
  const roll = random();
  const info: Record<string, unknown> = { orderId, createTime: formatOrderCreateTime(orderedAt) };
  const line: Record<string, unknown> = { orderLineId: `${orderId}-000001` };
  if (roll < 0.35) line.effectiveTime = formatOrderCreateTime(new Date(orderedAt.getTime() + random() * 60 * 86_400_000));
  else if (roll < 0.45) info.effectTime = "2024-02-30 10:00:00";
  else if (roll < 0.55) info.effectiveTime = "2024-03-01 00:30:00 z";
  if (random() < 0.15) info.orderStatus = pick(["待支付", "已完成", "处理中", "CANCELLED"]);
  if (random() < 0.15) line.serviceSupervisionStatus = pick(["监管中", "已完成", "不涉及"]);
  if (random() < 0.05) info.repaymentStatus = pick(["未还款", "已还款"]);
  return { resultCode: "MKT.0000", orderInfo: { ...info, orderLine: [line] } };
};

type Generated = { orderId: string; product: string | null; v1: boolean };
const generated: Generated[] = [];

const insertBatch = async (prefix: string, count: number) => {
  const orders: Prisma.OrderCreateManyInput[] = [];
  const lines: Prisma.OrderLineCreateManyInput[] = [];
  const instances: Prisma.InstanceCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = `${prefix}${String(i).padStart(5, "0")}`;
    const orderedAt = new Date(START + Math.floor(random() * SPAN));
    const product = random() < 0.03 ? null : pick(PRODUCTS);
    const v1 = product !== null && random() < 0.1;
    const type = pick(TYPES);
    const amountRoll = random();
    const amount = amountRoll < 0.03 ? null : amountRoll < 0.05 ? "0.000" : amountFor(product ?? "x");
    orders.push({
      id: randomUUID(),
      orderId,
      orderType: type,
      chargingMode: pick(MODES),
      // Callbacks store reverse orders positive, the order-query fetch negative; downgrades are negative changes.
      amount: amount && ((type === "UNSUBSCRIBE" && random() < 0.5) || (type === "CHANGE" && random() < 0.4)) ? `-${amount}` : amount,
      currency: "CNY",
      testFlag: random() < 0.04,
      orderedAt,
      createdAt: orderedAt,
      updatedAt: orderedAt,
      rawOrder: random() < 0.5 ? (rawAnswer(orderId, orderedAt) as Prisma.InputJsonValue) : Prisma.DbNull,
    });
    if (product && !v1) {
      lines.push({ id: randomUUID(), orderId, orderLineId: `${orderId}-000001`, productCode: product, createdAt: orderedAt });
      // Some orders have a second line of another product: the smallest code names the order.
      if (random() < 0.05) lines.push({ id: randomUUID(), orderId, orderLineId: `${orderId}-000002`, productCode: pick(PRODUCTS), createdAt: orderedAt });
    }
    if (v1) {
      instances.push({ id: randomUUID(), instanceId: `I-${orderId}`, dedupeKey: `v1:${orderId}`, generation: "v1", orderId, productCode: product, status: "active" });
    }
    generated.push({ orderId, product, v1 });
  }
  await testDb.db.order.createMany({ data: orders });
  await testDb.db.orderLine.createMany({ data: lines });
  if (instances.length) await testDb.db.instance.createMany({ data: instances });
};

const changeThings = async () => {
  const ids = generated.map((g) => g.orderId);
  // Amount corrections, one statement for many orders and single ones.
  await testDb.db.order.updateMany({ where: { orderId: { in: ids.filter((_, i) => i % 37 === 0) } }, data: { amount: "1234.560" } });
  for (const orderId of ids.filter((_, i) => i % 53 === 1)) await testDb.db.order.update({ where: { orderId }, data: { amount: null } });
  // Answers fetched later: an effective time in the next month, a status that clears or blocks.
  for (const [i, orderId] of ids.filter((_, i) => i % 29 === 2).entries()) {
    const order = await testDb.db.order.findUniqueOrThrow({ where: { orderId } });
    const effective = new Date(order.orderedAt.getTime() + 35 * 86_400_000);
    const info = { orderId, effectiveTime: formatOrderCreateTime(effective), ...(i % 3 === 0 ? { orderStatus: "待支付" } : {}) };
    await testDb.db.order.update({ where: { orderId }, data: { rawOrder: { resultCode: "MKT.0000", orderInfo: info }, fetchedAt: NOW } });
  }
  // Placing time corrected by the fetch (createTime), across a month and a policy boundary.
  await testDb.db.order.updateMany({ where: { orderId: { in: ids.filter((_, i) => i % 61 === 3) } }, data: { orderedAt: new Date("2024-02-29T23:59:59+08:00") } });
  // Test flag set and a type corrected.
  await testDb.db.order.updateMany({ where: { orderId: { in: ids.filter((_, i) => i % 71 === 4) } }, data: { testFlag: true } });
  await testDb.db.order.updateMany({ where: { orderId: { in: ids.filter((_, i) => i % 43 === 5) } }, data: { orderType: "UNSUBSCRIBE" } });
  // Changes the fees do not care about (a fetch error, an instance's status).
  await testDb.db.order.updateMany({ where: { orderId: { in: ids.filter((_, i) => i % 7 === 0) } }, data: { fetchError: "timeout" } });
  await testDb.db.instance.updateMany({ data: { status: "frozen" } });
  // Products moved: a line's code changed, a V1 order gets its instance late, a line deleted.
  const lines = await testDb.db.orderLine.findMany({ where: { orderId: { in: ids.filter((_, i) => i % 31 === 6) } } });
  for (const line of lines) await testDb.db.orderLine.update({ where: { id: line.id }, data: { productCode: "P-B" } });
  const lineless = generated.filter((g) => g.product === null).slice(0, 5);
  await testDb.db.instance.createMany({
    data: lineless.map((g) => ({ id: randomUUID(), instanceId: `late-${g.orderId}`, dedupeKey: `late:${g.orderId}`, generation: "v2", orderId: g.orderId, productCode: "P-C", status: "active" })),
  });
  await testDb.db.orderLine.deleteMany({ where: { orderId: { in: ids.filter((_, i) => i % 47 === 7) }, orderLineId: { endsWith: "-000001" } } });
  // Orders deleted (their lines go with them).
  await testDb.db.order.deleteMany({ where: { orderId: { in: ids.filter((_, i) => i % 59 === 8) } } });
};

type FactRow = { order_id: string; product_code: string; kind: string; amount: string; placed_at: Date; attributed_at: Date };
const FACT_COLUMNS = "order_id, product_code, kind, amount::text AS amount, placed_at, attributed_at";
const keyOf = (row: FactRow) => JSON.stringify([row.order_id, row.product_code, row.kind, money(row.amount).toFixed(3), row.placed_at.toISOString(), row.attributed_at.toISOString()]);

const ROLLUP_FROM_VIEW = `
  SELECT product_code, to_char((attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month,
         to_char((placed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS placed_day, amount < 0 AS negative,
         sum(amount)::text AS amount, count(*)::int AS line_count
    FROM fee_order_attribution GROUP BY 1, 2, 3, 4`;
const ROLLUP_STORED = `
  SELECT product_code, month, to_char(placed_day, 'YYYY-MM-DD') AS placed_day, negative, amount::text AS amount, line_count
    FROM fee_month_rollups WHERE line_count <> 0`;
type RollupRow = { product_code: string; month: string; placed_day: string; negative: boolean; amount: string; line_count: number };
const rollupKeys = (rows: RollupRow[]) =>
  rows.map((row) => JSON.stringify([row.product_code, row.month, row.placed_day, row.negative, money(row.amount).toFixed(3), row.line_count])).sort();

const reportWithout = (report: Awaited<ReturnType<typeof buildFeeReport>>) => ({ ...report, serverMs: 0 });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await saveProductTerms("P-TEN", { category: "general", platformFeePercent: "10" }, actor, deps());
  await saveProductTerms("P-JNT", { category: "joint", platformFeePercent: "30" }, actor, deps());
  // One large statement (the transition tables hold many rows) and several small ones.
  await insertBatch("GA", 1200);
  for (let i = 0; i < 6; i++) await insertBatch(`GB${i}-`, 40);
});
afterAll(async () => testDb?.close());

describe(`fee rollups on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  const checkAll = async () => {
    const facts = await testDb.db.$queryRawUnsafe<FactRow[]>(`SELECT ${FACT_COLUMNS} FROM fee_order_facts`);
    const view = await testDb.db.$queryRawUnsafe<FactRow[]>(`SELECT ${FACT_COLUMNS} FROM fee_order_attribution`);
    expect(facts.length).toBeGreaterThan(500);
    expect(facts.map(keyOf).sort()).toEqual(view.map(keyOf).sort());

    // The TypeScript rule gives the same line for every order.
    const orders = await testDb.db.order.findMany({ include: { lines: true } });
    const instances = await testDb.db.instance.findMany({ select: { orderId: true, productCode: true } });
    const minCode = (codes: (string | null)[]) => codes.filter((c): c is string => c !== null).sort()[0] ?? null;
    const expected = orders.flatMap((order) => {
      const line = attributeOrder({
        orderId: order.orderId,
        orderType: order.orderType,
        chargingMode: order.chargingMode,
        amount: order.amount === null ? null : money(order.amount.toString()),
        orderedAt: order.orderedAt,
        testFlag: order.testFlag,
        rawOrder: order.rawOrder,
      });
      if (!line) return [];
      const product =
        minCode(order.lines.map((l) => l.productCode)) ?? minCode(instances.filter((i) => i.orderId === order.orderId).map((i) => i.productCode)) ?? "(unknown)";
      return [keyOf({ order_id: line.orderId, product_code: product, kind: line.kind, amount: line.amount.toFixed(3), placed_at: line.placedAt, attributed_at: line.attributedAt })];
    });
    expect(facts.map(keyOf).sort()).toEqual(expected.sort());

    // The sums equal the orders summed afresh.
    const stored = await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_STORED);
    const fresh = await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_FROM_VIEW);
    expect(rollupKeys(stored)).toEqual(rollupKeys(fresh));
    const empty = await testDb.db.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM fee_month_rollups WHERE line_count = 0");
    expect(empty[0]!.n).toBe(0);

    // And the report from the rollups is the report from the orders, fen for fen (the rollups
    // really are read: every policy starts at a Beijing midnight, so there is no fallback).
    expect(boundariesAtBeijingMidnight((await loadFeePolicies(testDb)).map((policy) => policy.effectiveFrom))).toBe(true);
    for (const query of [{}, { month: "2024-03" }, { month: "2024-02", months: "3" }, { month: "2024-07", months: "24" }]) {
      const parsed = feeReportQuerySchema.parse(query);
      const fromRollups = await buildFeeReport(parsed, deps(), { source: "rollups" });
      const fromOrders = await buildFeeReport(parsed, deps(), { source: "orders" });
      expect(reportWithout(fromRollups), JSON.stringify(query)).toEqual(reportWithout(fromOrders));
      expect(fromRollups.rows.length).toBeGreaterThan(0);
    }
  };

  it("keeps facts and rollups equal to the orders as they are inserted", async () => {
    await checkAll();
    // The data set exercises what it should: tiers reached, refunds, both policy eras, moved months.
    const report = await buildFeeReport(feeReportQuerySchema.parse({ month: "2024-06", months: "14" }), deps());
    expect(report.rows.some((row) => row.tierIndex !== null && row.tierIndex > 0)).toBe(true);
    expect(report.rows.some((row) => money(row.refunds).isNegative())).toBe(true);
    expect(report.rows.some((row) => row.month < "2024-03")).toBe(true);
    const moved = await testDb.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM fee_order_facts WHERE to_char((placed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') <> to_char((attributed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`,
    );
    expect(moved[0]!.n).toBeGreaterThan(10);
    expect(beijingMonthOf(NOW)).toBe("2024-06");
  });

  it("follows every later change to orders, lines and instances", async () => {
    const before = await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_STORED);
    await changeThings();
    const after = await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_STORED);
    expect(rollupKeys(after)).not.toEqual(rollupKeys(before));
    await checkAll();
  });

  it("agrees after an owner adds a policy, and a rebuild changes nothing", async () => {
    await createFeePolicy(
      { category: "general", effectiveFrom: "2024-05-10", eligibleRatioPercent: "5", tiers: [{ fromAmount: "0", platformFeePercent: "5" }, { fromAmount: "100000", platformFeePercent: "2" }] },
      actor,
      deps(),
    );
    await checkAll();
    const before = rollupKeys(await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_STORED));
    const [rebuilt] = await testDb.db.$queryRawUnsafe<{ n: bigint }[]>("SELECT fee_rollup_rebuild() AS n");
    expect(Number(rebuilt!.n)).toBeGreaterThan(500);
    expect(rollupKeys(await testDb.db.$queryRawUnsafe<RollupRow[]>(ROLLUP_STORED))).toEqual(before);
  });
});
