import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildOrderFigures } from "@/server/orders/rebuild-order-figures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

// The dashboard's running figures are kept by triggers (migration 000011). Whatever happens to the
// orders and instances, they must equal a fresh GROUP BY over the rows themselves.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => testDb?.close());

const db = () => testDb.db;
const BEIJING_DAY = `((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date`;

const kept = async () =>
  db().$queryRawUnsafe<{ key: string; orders: number; amount: string }[]>(
    `SELECT day::text || '/' || order_type || '/' || test_flag AS key, orders, amount::text AS amount FROM order_daily_figures WHERE orders <> 0 OR amount <> 0 ORDER BY 1`,
  );
const recounted = async () =>
  db().$queryRawUnsafe<{ key: string; orders: number; amount: string }[]>(
    `SELECT ${BEIJING_DAY}::text || '/' || coalesce(order_type, '') || '/' || test_flag AS key, count(*)::int AS orders,
            sum(coalesce(amount_after_discount, amount, 0))::numeric(20, 3)::text AS amount FROM orders GROUP BY 1 ORDER BY 1`,
  );
const keptInstances = async () =>
  db().$queryRawUnsafe<{ key: string; n: number }[]>(`SELECT status || '/' || test_flag AS key, instances AS n FROM instance_status_counts WHERE instances <> 0 ORDER BY 1`);
const recountedInstances = async () =>
  db().$queryRawUnsafe<{ key: string; n: number }[]>(`SELECT status || '/' || test_flag AS key, count(*)::int AS n FROM instances GROUP BY 1 ORDER BY 1`);

const order = (orderId: string, fields: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  orderId,
  orderType: "NEW",
  orderedAt: new Date("2026-11-08T02:00:00Z"),
  amount: "100.000",
  ...fields,
});

describe(`dashboard figures kept by triggers on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("follow inserts, updates that move an order between days, types and amounts, and deletes", async () => {
    await db().order.create({ data: order("CSR001") });
    await db().order.createMany({
      data: [
        order("CSR002", { amount: "-20.500", orderType: "UNSUBSCRIBE" }),
        // 23:30 UTC on the 7th is the 8th in Beijing.
        order("CSR003", { orderedAt: new Date("2026-11-07T23:30:00Z"), amountAfterDiscount: "80.000" }),
        order("CSR004", { testFlag: true }),
        order("CSR005", { orderType: null, amount: null }),
      ],
    });
    expect(await kept()).toEqual([
      { key: "2026-11-08//false", orders: 1, amount: "0.000" },
      { key: "2026-11-08/NEW/false", orders: 2, amount: "180.000" },
      { key: "2026-11-08/NEW/true", orders: 1, amount: "100.000" },
      { key: "2026-11-08/UNSUBSCRIBE/false", orders: 1, amount: "-20.500" },
    ]);
    // The fetch fills in what the callback did not know, and a re-fetch corrects the placing time.
    await db().order.update({ where: { orderId: "CSR005" }, data: { orderType: "RENEW", amount: "30.000" } });
    await db().order.update({ where: { orderId: "CSR001" }, data: { orderedAt: new Date("2026-11-01T01:00:00Z") } });
    await db().order.updateMany({ where: { orderId: { in: ["CSR003", "CSR004"] } }, data: { fetchError: "timeout" } });
    await db().order.delete({ where: { orderId: "CSR002" } });
    expect(await kept()).toEqual(await recounted());
    expect(await kept()).toEqual([
      { key: "2026-11-01/NEW/false", orders: 1, amount: "100.000" },
      { key: "2026-11-08/NEW/false", orders: 1, amount: "80.000" },
      { key: "2026-11-08/NEW/true", orders: 1, amount: "100.000" },
      { key: "2026-11-08/RENEW/false", orders: 1, amount: "30.000" },
    ]);
  });

  it("stay right with writers in concurrent transactions on the same day and type", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const first = new Promise<void>((resolve) => (started = resolve));
    // A holds its transaction open after writing; B writes the same figure meanwhile (on
    // PostgreSQL it waits for A's lock on the figure row; on PGlite, for the one connection).
    const a = db().$transaction(async (tx) => {
      await tx.order.create({ data: order("CSC001", { orderedAt: new Date("2026-11-20T02:00:00Z"), amount: "1.001" }) });
      started();
      await held;
    });
    await first;
    const b = db().$transaction(async (tx) => {
      await tx.order.create({ data: order("CSC002", { orderedAt: new Date("2026-11-20T03:00:00Z"), amount: "2.002" }) });
      await tx.order.update({ where: { orderId: "CSR003" }, data: { orderedAt: new Date("2026-11-20T04:00:00Z") } });
    });
    setTimeout(release, 100);
    await Promise.all([a, b]);
    // And a burst of independent writers.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db().order.create({ data: order(`CSC1${String(i).padStart(2, "0")}`, { orderedAt: new Date("2026-11-20T05:00:00Z"), orderType: i % 2 ? "NEW" : "RENEW", amount: "0.010" }) }),
      ),
    );
    const day = (await kept()).filter((row) => row.key.startsWith("2026-11-20"));
    expect(day).toEqual([
      { key: "2026-11-20/NEW/false", orders: 9, amount: "83.063" },
      { key: "2026-11-20/RENEW/false", orders: 6, amount: "0.060" },
    ]);
    expect(await kept()).toEqual(await recounted());
  });

  it("a rolled-back write leaves no trace", async () => {
    const before = await kept();
    await expect(
      db().$transaction(async (tx) => {
        await tx.order.create({ data: order("CSX001", { amount: "999.000" }) });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await kept()).toEqual(before);
  });

  it("count instances per status as they change, and the rebuild agrees with the triggers", async () => {
    const instance = (n: number, status: string, testFlag = false) => ({
      id: randomUUID(),
      instanceId: `INS-FIG-${n}`,
      dedupeKey: `fig:${n}`,
      generation: "v2",
      orderId: "CSR001",
      status,
      testFlag,
    });
    await db().instance.createMany({ data: [instance(1, "provisioning"), instance(2, "provisioning"), instance(3, "active", true)] });
    await db().instance.update({ where: { instanceId: "INS-FIG-1" }, data: { status: "failed" } });
    await db().instance.update({ where: { instanceId: "INS-FIG-2" }, data: { status: "active" } });
    await db().instance.delete({ where: { instanceId: "INS-FIG-3" } });
    expect(await keptInstances()).toEqual([
      { key: "active/false", n: 1 },
      { key: "failed/false", n: 1 },
    ]);
    expect(await keptInstances()).toEqual(await recountedInstances());

    // Spoil both tables, then rebuild them from the rows.
    await db().$executeRawUnsafe("UPDATE order_daily_figures SET orders = orders + 5");
    await db().$executeRawUnsafe("DELETE FROM instance_status_counts");
    await db().$transaction(async (tx) => rebuildOrderFigures(tx));
    expect(await kept()).toEqual(await recounted());
    expect(await keptInstances()).toEqual(await recountedInstances());
  });
});
