import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueOrderFetch } from "@/server/orders/enqueue-order-fetch";
import { getOrderDetail } from "@/server/orders/get-order-detail";
import { refetchOrder } from "@/server/orders/refetch-order";
import { getReconciliation, startReconciliation } from "@/server/orders/reconcile-orders";
import { runDueOrderFetches } from "@/server/orders/run-order-fetches";
import { DOUBLE_AK, DOUBLE_SK, startOrderQueryDouble } from "@/server/orders/testing/order-query-double";
import { updateSettings } from "@/server/settings/update-settings";
import { recordOrderFacts } from "@/server/gateway/order-repository";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let marketplace: Awaited<ReturnType<typeof startOrderQueryDouble>>;
let clock = Date.now();
const deps = () => testDeps(testDb.db, () => new Date(clock));
const operator = { id: null, email: "ops@example.com" };
const run = () => runDueOrderFetches(deps(), { workerId: "worker-a" });
const later = (seconds: number) => {
  clock += seconds * 1000;
};

const yearly = (orderId: string, amount = "1200.00") => ({
  orderId,
  orderType: "NEW",
  createTime: "20261120083000",
  buyerInfo: { customerId: "cust-1", customerName: "华东示例科技有限公司", customerType: "1" },
  extendParams: [{ key: "emailDomainName", value: "example.com" }],
  orderLine: [
    {
      orderLineId: `${orderId}-000001`,
      chargingMode: "PERIOD",
      periodType: "year",
      periodNumber: 1,
      expireTime: "20271120083000",
      currency: amount,
      currencyAfterDiscount: "1080.00",
      productInfo: [{ productId: "00301-P1", skuCode: "SKU-STD" }],
    },
  ],
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  marketplace = await startOrderQueryDouble({ now: () => new Date(clock) });
  await updateSettings({ "marketplace.ak": DOUBLE_AK, "marketplace.sk": DOUBLE_SK, "marketplace.apiBaseUrl": marketplace.baseUrl }, null, null, deps());
});
afterAll(async () => {
  await marketplace?.close();
  await testDb?.close();
});
beforeEach(() => {
  marketplace.requests.length = 0;
});

describe(`order fetching on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("fetches an order a callback named, in the background, and stores it whole", async () => {
    marketplace.orders.set("CSF001", yearly("CSF001"));
    await recordOrderFacts({ orderId: "CSF001", orderLineId: "CSF001-000001", testFlag: false }, new Date(clock), testDb.db);
    // A burst of callbacks for one order costs one fetch.
    await enqueueOrderFetch("CSF001", "CSF001-000001", deps());
    await enqueueOrderFetch("CSF001", "CSF001-000001", deps());
    expect(await testDb.db.orderFetch.count({ where: { orderId: "CSF001" } })).toBe(1);
    expect(await run()).toBe(0); // not due yet: the marketplace gets a moment
    later(10);
    expect(await run()).toBe(1);

    expect(marketplace.requests).toEqual([{ url: `${marketplace.baseUrl}/api/mkp-openapi-public/global/v1/order/query?orderId=CSF001&orderLineId=CSF001-000001`, accepted: true, reason: undefined }]);
    const order = await testDb.db.order.findUniqueOrThrow({ where: { orderId: "CSF001" }, include: { lines: true } });
    expect(order).toMatchObject({
      orderType: "NEW",
      customerId: "cust-1",
      customerName: "华东示例科技有限公司",
      customerType: "1",
      chargingMode: "PERIOD",
      periodType: "year",
      periodNumber: 1,
      currency: "CNY",
      source: "marketplace",
      orderedAt: new Date("2026-11-20T08:30:00Z"),
      extendParams: [{ key: "emailDomainName", value: "example.com" }],
      fetchError: null,
    });
    expect(order.amount?.toFixed(3)).toBe("1200.000");
    expect(order.amountAfterDiscount?.toFixed(3)).toBe("1080.000");
    expect((order.rawOrder as { orderInfo: { orderId: string } }).orderInfo.orderId).toBe("CSF001");
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ productCode: "00301-P1", skuCode: "SKU-STD", expireAt: new Date("2027-11-20T08:30:00Z") });
    expect(await testDb.db.orderFetch.findFirstOrThrow({ where: { orderId: "CSF001" } })).toMatchObject({ status: "succeeded", attempts: 1, resultCode: "MKT.0000" });
  });

  it("stores a refund negative", async () => {
    marketplace.orders.set("CSF002", { orderId: "CSF002", orderType: "UNSUBSCRIBE", orderLine: [{ orderLineId: "CSF002-000001", chargingMode: "PERIOD", currency: "", currencyAfterDiscount: "100.50" }] });
    await enqueueOrderFetch("CSF002", null, deps());
    later(10);
    await run();
    const order = await testDb.db.order.findUniqueOrThrow({ where: { orderId: "CSF002" } });
    expect(order.amount).toBeNull();
    expect(order.amountAfterDiscount?.toFixed(3)).toBe("-100.500");
  });

  it("is refused by the marketplace with a wrong SK, retries with backoff and gives up", async () => {
    marketplace.orders.set("CSF003", yearly("CSF003"));
    await updateSettings({ "marketplace.sk": "not-the-right-secret" }, null, null, deps());
    try {
      await recordOrderFacts({ orderId: "CSF003", testFlag: false }, new Date(clock), testDb.db);
      await enqueueOrderFetch("CSF003", undefined, deps());
      later(10);
      await run();
      expect(marketplace.requests.map((r) => [r.accepted, r.reason])).toEqual([[false, "mismatch"]]);
      const fetch = await testDb.db.orderFetch.findFirstOrThrow({ where: { orderId: "CSF003" } });
      expect(fetch).toMatchObject({ status: "pending", attempts: 1, resultCode: "MKT.0154" });
      expect(fetch.lastError).toContain("HTTP 401");
      expect(fetch.nextAttemptAt.getTime()).toBe(clock + 30_000);
      expect((await testDb.db.order.findUniqueOrThrow({ where: { orderId: "CSF003" } })).fetchError).toContain("MKT.0154");
      for (let i = 0; i < 10; i++) {
        later(13 * 3600);
        await run();
      }
      expect(await testDb.db.orderFetch.findFirstOrThrow({ where: { orderId: "CSF003" } })).toMatchObject({ status: "failed", attempts: 7 });
    } finally {
      await updateSettings({ "marketplace.sk": DOUBLE_SK }, null, null, deps());
    }
    // With the key fixed, the operator's re-fetch succeeds at once.
    const result = await refetchOrder("CSF003", operator, "127.0.0.1", deps());
    expect(result).toMatchObject({ ok: true, error: null });
    expect((await testDb.db.order.findUniqueOrThrow({ where: { orderId: "CSF003" } })).fetchError).toBeNull();
  });

  it("re-fetches on demand, lists what changed and records it in the timeline and the audit log", async () => {
    marketplace.orders.set("CSF001", yearly("CSF001", "1150.00"));
    const result = await refetchOrder("CSF001", operator, "127.0.0.1", deps());
    expect(result).toEqual({ ok: true, error: null, resultCode: "MKT.0000", differences: [{ field: "amount", orderLineId: null, console: "1200.000", marketplace: "1150.000" }, { field: "amount", orderLineId: "CSF001-000001", console: "1200.000", marketplace: "1150.000" }] });
    const detail = await getOrderDetail("CSF001", deps());
    expect(detail.timeline.filter((item) => item.kind === "fetch").map((item) => [item.title, item.status])).toEqual([
      ["callback", "succeeded"],
      ["manual", "succeeded"],
    ]);
    expect(await testDb.db.auditEvent.count({ where: { action: "order.refetched", targetId: "CSF001" } })).toBe(1);
    await expect(refetchOrder("NO-SUCH-ORDER", operator, null, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reconciliation re-fetches recent real orders and finds a planted difference", async () => {
    // Planted: the console believes CSF001 expires a month earlier than the marketplace says.
    await testDb.db.orderLine.update({ where: { orderLineId: "CSF001-000001" }, data: { expireAt: new Date("2027-10-20T08:30:00Z") } });
    // Test traffic is left out of reconciliation.
    await testDb.db.order.update({ where: { orderId: "CSF002" }, data: { testFlag: true } });
    clock = new Date("2026-11-25T00:00:00Z").getTime();
    const started = await startReconciliation({ trigger: "manual", startedBy: "ops@example.com" }, deps());
    expect(started?.ordersTotal).toBe(2);
    await run();
    const report = await getReconciliation(started!.id, deps());
    expect(report).toMatchObject({ ordersTotal: 2, ordersDone: 2, ordersFailed: 0, ordersDiffering: 1 });
    expect(report.finishedAt).not.toBeNull();
    expect(report.findings).toEqual([
      {
        orderId: "CSF001",
        status: "succeeded",
        error: null,
        differences: [{ field: "expireAt", orderLineId: "CSF001-000001", console: "2027-10-20T08:30:00.000Z", marketplace: "2027-11-20T08:30:00.000Z" }],
      },
    ]);
    // The marketplace's answer is the record: the planted value is gone.
    expect((await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId: "CSF001-000001" } })).expireAt).toEqual(new Date("2027-11-20T08:30:00Z"));
  });

  it("starts the daily run once per Beijing day, whichever worker looks first", async () => {
    clock = new Date("2026-11-25T20:00:00Z").getTime(); // 04:00 on the 26th in Beijing
    const first = await startReconciliation({ trigger: "daily", startedBy: null }, deps());
    const second = await startReconciliation({ trigger: "daily", startedBy: null }, deps());
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });
});
