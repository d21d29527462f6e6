import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderListQuerySchema, type OrderListQuery } from "@/lib/contracts/orders";
import { exportOrdersCsv } from "@/server/orders/export-orders";
import { listOrders } from "@/server/orders/list-orders";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const deps = () => testDeps(testDb.db);
const query = (input: Record<string, unknown>): OrderListQuery => orderListQuerySchema.parse(input);

const TYPES = ["NEW", "RENEW", "UNSUBSCRIBE"] as const;
// 30 orders, one every 6 hours from 2026-11-01 00:00 Beijing; every third is a refund, every fifth test traffic.
const seeded = Array.from({ length: 30 }, (_, i) => ({
  orderId: `CSL${String(i).padStart(3, "0")}`,
  orderType: TYPES[i % 3]!,
  orderedAt: new Date(Date.parse("2026-10-31T16:00:00Z") + i * 6 * 3_600_000),
  customerId: `cust-${i % 4}`,
  customerName: i % 4 === 0 ? "华东示例科技" : `Customer ${i % 4}`,
  chargingMode: i % 2 ? "PERIOD" : "ONE_TIME",
  amount: i === 7 ? null : i % 3 === 2 ? `-${i}.500` : `${i * 10}.000`,
  testFlag: i % 5 === 0,
  productCode: i < 10 ? "00301-A" : "00301-B",
}));

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const order of seeded) {
    const { productCode, ...fields } = order;
    await testDb.db.order.create({ data: { id: randomUUID(), ...fields, lines: { create: [{ id: randomUUID(), orderLineId: `${order.orderId}-000001`, productCode }] } } });
  }
});
afterAll(async () => testDb?.close());

// Follows nextCursor to the end, so every test also checks that keyset pages neither skip nor repeat.
const allPages = async (input: Record<string, unknown>, limit = 4) => {
  const ids: string[] = [];
  let after: string | undefined;
  let total = -1;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listOrders(query({ ...input, limit, after }), deps());
    total = page.total;
    ids.push(...page.orders.map((order) => order.orderId));
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return { ids, total };
};

const expected = (predicate: (order: (typeof seeded)[number]) => boolean) => seeded.filter(predicate);
const newestFirst = (orders: typeof seeded) => [...orders].sort((a, b) => b.orderedAt.getTime() - a.orderedAt.getTime()).map((o) => o.orderId);

describe(`orders list on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("pages through everything newest first with a total", async () => {
    const first = await listOrders(query({ limit: 5 }), deps());
    expect(first.total).toBe(30);
    expect(first.orders.map((o) => o.orderId)).toEqual(newestFirst(seeded).slice(0, 5));
    expect(first.orders[0]).toMatchObject({ orderId: "CSL029", products: "00301-B", amount: "-29.500", testFlag: false });
    expect(await allPages({})).toEqual({ ids: newestFirst(seeded), total: 30 });
    expect((await allPages({ dir: "asc" })).ids).toEqual(newestFirst(seeded).reverse());
  });

  it("filters by customer (id or name prefix) and Beijing days", async () => {
    const result = await allPages({ customer: "华东", from: "2026-11-02", to: "2026-11-04" });
    const inDays = (o: (typeof seeded)[number]) => o.orderedAt >= new Date("2026-11-01T16:00:00Z") && o.orderedAt < new Date("2026-11-04T16:00:00Z");
    expect(result).toEqual({ ids: newestFirst(expected((o) => o.customerName === "华东示例科技" && inDays(o))), total: 3 });
    expect((await allPages({ customer: "cust-1" })).ids).toEqual(newestFirst(expected((o) => o.customerId === "cust-1")));
    // LIKE wildcards in the search are literal.
    expect((await allPages({ customer: "%" })).total).toBe(0);
  });

  it("filters by order id prefix, product, order type, charging mode, amount range and test traffic", async () => {
    expect((await allPages({ orderId: "CSL01" })).ids).toEqual(newestFirst(expected((o) => o.orderId.startsWith("CSL01"))));
    expect((await allPages({ product: "00301-A" })).total).toBe(10);
    expect((await allPages({ orderType: "UNSUBSCRIBE", chargingMode: "PERIOD" })).ids).toEqual(
      newestFirst(expected((o) => o.orderType === "UNSUBSCRIBE" && o.chargingMode === "PERIOD")),
    );
    expect((await allPages({ amountMin: "-10", amountMax: "50" })).ids).toEqual(
      newestFirst(expected((o) => o.amount !== null && Number(o.amount) >= -10 && Number(o.amount) <= 50)),
    );
    expect((await allPages({ test: "only" })).total).toBe(6);
    expect((await allPages({ test: "exclude" })).total).toBe(24);
  });

  it("sorts by amount both ways with nulls kept in one place, across page boundaries", async () => {
    const byAmount = [...seeded].filter((o) => o.amount !== null).sort((a, b) => Number(a.amount) - Number(b.amount) || a.orderId.localeCompare(b.orderId));
    expect((await allPages({ sort: "amount", dir: "asc" }, 3)).ids).toEqual([...byAmount.map((o) => o.orderId), "CSL007"]);
    expect((await allPages({ sort: "amount", dir: "desc" }, 3)).ids).toEqual(["CSL007", ...byAmount.reverse().map((o) => o.orderId)]);
    expect((await allPages({ sort: "orderId", dir: "asc" }, 7)).ids).toEqual(seeded.map((o) => o.orderId));
  });

  it("refuses a forged cursor and an amount that is not a decimal", async () => {
    await expect(listOrders(query({ after: "bm90LWpzb24" }), deps())).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(orderListQuerySchema.safeParse({ amountMin: "1e3" }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ orderType: "", amountMin: "", test: "" }).success).toBe(true);
  });

  it("exports the current filter as CSV with every row, in the list's order", async () => {
    const filter = orderListQuerySchema.parse({ test: "exclude", customer: "cust-1" });
    const bytes = new Uint8Array(await new Response(exportOrdersCsv(filter, deps())).arrayBuffer());
    // The UTF-8 BOM, so that Excel reads the Chinese names (TextDecoder drops it below).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = ` ${new TextDecoder().decode(bytes)}`;
    // The seeded values hold no commas or quotes, so a plain split reads the file.
    const [header, ...lines] = text.slice(1).trimEnd().split("\n");
    const rows = lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [header!.split(",")[i]!, value])));
    expect(rows.map((row) => row.order_id)).toEqual(newestFirst(expected((o) => o.customerId === "cust-1" && !o.testFlag)));
    expect(rows[0]).toMatchObject({ order_id: "CSL029", order_type: "UNSUBSCRIBE", ordered_at: "2026-11-08T06:00:00+08:00", amount: "-29.500", products: "00301-B", test: "0" });
    const empty = await new Response(exportOrdersCsv(orderListQuerySchema.parse({ orderId: "NOPE" }), deps())).text();
    expect(empty.trim()).toBe("order_id,order_type,ordered_at,customer_id,customer_name,charging_mode,products,amount,amount_after_discount,currency,test,source,fetched_at");
  });
});

describe("orders total past the exact-count limit", () => {
  it("falls back to the planner's estimate, never below the rows it saw", async () => {
    await testDb.db.$executeRaw`ANALYZE orders`;
    const page = await listOrders(query({ limit: 2 }), deps(), { exactUpTo: 5 });
    expect(page.totalIsExact).toBe(false);
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.orders).toHaveLength(2);
    expect(await listOrders(query({ customer: "cust-1" }), deps(), { exactUpTo: 10 })).toMatchObject({ total: 8, totalIsExact: true });
  });
});

describe("dashboard order figures", () => {
  it("counts real orders by type in Beijing days and months, with exact sums", async () => {
    const { getOrderFigures } = await import("@/server/orders/get-order-figures");
    // 2026-11-08 10:00 Beijing: CSL028 (00:00, a renewal) and CSL029 (06:00, a refund) are today's.
    const figures = await getOrderFigures({ db: testDb.db, now: () => new Date("2026-11-08T02:00:00Z") });
    const real = seeded.filter((o) => !o.testFlag);
    expect(figures.today).toEqual({ RENEW: 1, UNSUBSCRIBE: 1 });
    expect(Object.values(figures.thisMonth).reduce((a, b) => a + b, 0)).toBe(real.filter((o) => o.orderedAt >= new Date("2026-10-31T16:00:00Z")).length);
    const sum = real.reduce((total, o) => total + Math.round(Number(o.amount ?? 0) * 1000), 0) / 1000;
    expect(figures.paidThisMonth).toBe(sum.toFixed(3));
    // CSL000 is test traffic; CSL001–003 are 10.000, -2.500 and 30.000.
    expect(figures.daily.find((d) => d.day === "2026-11-01")).toEqual({ day: "2026-11-01", orders: 3, amount: "37.500" });
    // Every one of the last 30 Beijing days, the empty ones with zero.
    expect(figures.daily).toHaveLength(30);
    expect(figures.daily[0]).toEqual({ day: "2026-10-10", orders: 0, amount: "0.000" });
    expect(figures.daily.at(-1)!.day).toBe("2026-11-08");
  });
});
