import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "@/server/deps";
import { buyProduct } from "@/server/simulator/buy-product";
import { performBuyerAction } from "@/server/simulator/perform-buyer-action";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime, scriptedTransport } from "@/server/simulator/simulator-test-setup";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// The simulator acting as a buyer against the console's real gateway, in-process: every
// callback must pass the debugging tool's checks and leave the console in the matching state.

let testDb: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureSimulatorKeys(deps);
});
afterAll(async () => testDb?.close());

const consoleInstance = (instanceId: string) => testDb.db.instance.findUniqueOrThrow({ where: { instanceId } });
const subscription = (id: string) => testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id } });

const act = async (subscriptionId: string, action: Parameters<typeof performBuyerAction>[0]["action"]) => {
  const outcome = await performBuyerAction({ subscriptionId, action }, await inProcessRuntime(deps));
  for (const d of outcome.deliveries) expect(d.verdict, `${action}: ${d.sent.request.url}`).toMatchObject({ verdict: "pass", error: null });
  return outcome;
};

describe("buyer actions against the console", () => {
  it.each(["hr-monthly-v1", "crm-monthly-v2"])("%s: buy, renew, upgrade, expire, unfreeze, release", async (productKey) => {
    const bought = await buyProduct({ productKey, targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    expect(bought.deliveries.map((d) => [d.state, d.verdict.error])).toEqual([["succeeded", null]]);
    const afterBuy = await subscription(bought.subscriptionId);
    expect(afterBuy.status).toBe("active");
    const instanceId = afterBuy.instanceId!;
    const instance = await consoleInstance(instanceId);
    // Simulated traffic is always test traffic in the console.
    expect(instance).toMatchObject({ status: "active", testFlag: true, orderId: afterBuy.orderId });
    const stored = await testDb.db.inboundRequest.findMany({ where: { orderId: afterBuy.orderId } });
    expect(stored.every((row) => row.testFlag && row.verification === "ok")).toBe(true);

    await act(bought.subscriptionId, "renew");
    const renewed = await subscription(bought.subscriptionId);
    expect(renewed.expireAt!.getTime()).toBeGreaterThan(afterBuy.expireAt!.getTime());
    expect((await consoleInstance(instanceId)).expireAt?.getTime()).toBe(renewed.expireAt!.getTime() - (renewed.expireAt!.getTime() % 1000));

    await act(bought.subscriptionId, "upgrade");
    expect((await subscription(bought.subscriptionId)).skuCode).toMatch(/-PRO$/);

    await act(bought.subscriptionId, "expire");
    expect((await subscription(bought.subscriptionId)).status).toBe("frozen");
    expect((await consoleInstance(instanceId)).status).toBe("frozen");

    await act(bought.subscriptionId, "unfreeze");
    expect((await consoleInstance(instanceId)).status).toBe("active");

    await act(bought.subscriptionId, "release");
    expect((await subscription(bought.subscriptionId)).status).toBe("released");
    expect((await consoleInstance(instanceId)).status).toBe("released");
    const orders = await testDb.db.simulatorOrder.findMany({ where: { subscriptionId: bought.subscriptionId }, orderBy: { createdAt: "asc" } });
    expect(orders.map((o) => o.orderType).sort()).toEqual(["CHANGE", "NEW", "RENEW", "RENEW"].sort());
  });

  it("V2 renewal with a spec change asks changeInstanceCheck first", async () => {
    const bought = await buyProduct({ productKey: "crm-yearly-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const outcome = await act(bought.subscriptionId, "renewChange");
    expect(outcome.deliveries.map((d) => d.sent.request.body && JSON.parse(d.sent.request.body).activity)).toEqual(["changeInstanceCheck", "refreshInstance"]);
    const instanceId = (await subscription(bought.subscriptionId)).instanceId!;
    const events = await testDb.db.instanceEvent.findMany({ where: { instanceId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "change_checked", "renewed"]);
  });

  it.each(["report-once-v1", "api-ondemand-v1", "api-ondemand-v2", "api-package-v1", "hr-trial-v1", "crm-trial-v2", "design-licence-v1"])(
    "%s: the purchase and a query or release pass the marketplace's checks",
    async (productKey) => {
      const bought = await buyProduct({ productKey, targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
      expect(bought.deliveries.map((d) => d.verdict.error)).toEqual([null]);
      const row = await subscription(bought.subscriptionId);
      if (productKey !== "design-licence-v1") await act(bought.subscriptionId, "query");
      if (row.isTrial) await act(bought.subscriptionId, "trialToFormal");
      await act(bought.subscriptionId, "release");
      expect((await subscription(bought.subscriptionId)).status).toBe("released");
    },
  );

  it("licence codes: renewal and release reach the console's licence-code table", async () => {
    const bought = await buyProduct({ productKey: "cad-licence-code-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const code = (await subscription(bought.subscriptionId)).licenceCode!;
    await act(bought.subscriptionId, "renew");
    await act(bought.subscriptionId, "release");
    expect(await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "RELEASED" });
    expect(await testDb.db.simulatorLicenceCode.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "RELEASED" });
  });

  it("unsubscribing refunds the original order", async () => {
    const bought = await buyProduct({ productKey: "hr-yearly-v1", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    await act(bought.subscriptionId, "unsubscribe");
    const row = await subscription(bought.subscriptionId);
    expect(await testDb.db.simulatorOrder.findUniqueOrThrow({ where: { orderId: row.orderId } })).toMatchObject({ status: "refunded" });
    expect((await consoleInstance(row.instanceId!)).status).toBe("released");
  });

  it("a broken endpoint is judged in the marketplace's words and the purchase is retried", async () => {
    const runtime = await inProcessRuntime(deps, { transport: scriptedTransport(() => ({ contentType: "text/plain", body: "ok" })) });
    const bought = await buyProduct({ productKey: "crm-monthly-v2", targetUrl: "http://seller.test/broken" }, runtime);
    expect(bought.deliveries[0]).toMatchObject({ state: "retrying", verdict: { verdict: "fail", error: "响应content-type格式错误" } });
    expect((await subscription(bought.subscriptionId)).status).toBe("opening");
    const callback = await testDb.db.simulatorCallback.findUniqueOrThrow({ where: { id: bought.deliveries[0]!.callbackId }, include: { attemptRows: true } });
    expect(callback.nextAttemptAt!.getTime() - callback.createdAt.getTime()).toBe(3_600_000);
    expect(callback.attemptRows).toHaveLength(1);
    expect(callback.attemptRows[0]).toMatchObject({ verdict: "fail", responseStatus: 200, error: "响应content-type格式错误" });
  });
});

describe("licence requests and order notifications against the console", () => {
  it("在线开通License (V2): the console issues a licence for getLicenseAsync, once per order (§3.3, §4)", async () => {
    const bought = await buyProduct({ productKey: "design-licence-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    expect(bought.deliveries.map((d) => [d.state, d.verdict.error])).toEqual([["succeeded", null]]);
    const { instanceId, orderId } = await subscription(bought.subscriptionId);
    const first = await act(bought.subscriptionId, "requestLicence");
    expect(first.deliveries.map((d) => [d.sent.request.url.includes("signature="), d.state])).toEqual([[true, "succeeded"]]);
    const licence = await testDb.db.licence.findUniqueOrThrow({ where: { orderId } });
    expect(licence.instanceId).toBe(instanceId);
    expect(licence.expireAt).not.toBeNull();
    await act(bought.subscriptionId, "requestLicence");
    expect(await testDb.db.licence.count({ where: { orderId } })).toBe(1);
  });

  it("orderNotify: the console records the order and answers 000000 (§3.2)", async () => {
    const bought = await buyProduct({ productKey: "crm-yearly-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const { orderId } = await subscription(bought.subscriptionId);
    const outcome = await act(bought.subscriptionId, "notifyOrder");
    expect(outcome.deliveries[0]!.verdict.resultCode).toBe("000000");
    const stored = await testDb.db.inboundRequest.findMany({ where: { orderId, activity: "orderNotify" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ testFlag: true, verification: "ok" });
  });
});
