import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { buyProduct } from "@/server/simulator/buy-product";
import { createInProcessTransport } from "@/server/simulator/in-process-transport";
import { performBuyerAction } from "@/server/simulator/perform-buyer-action";
import { processDueCallbacks } from "@/server/simulator/process-due-work";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime } from "@/server/simulator/simulator-test-setup";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let deps: Deps;
let clock = new Date();

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db, () => clock);
  await configureSimulatorKeys(deps);
});
afterAll(async () => testDb?.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

/** The console, except that the named activity (V2 body) times out while `down` is set. */
const flakyFor = (activity: string, state: { down: boolean }): Transport => {
  const console = createInProcessTransport(deps);
  return async (request, timeout) => {
    const body = request.body ? (JSON.parse(request.body) as { activity?: string; scene?: string }) : null;
    if (state.down && body?.activity === activity) return { kind: "timeout", timeoutMs: timeout, latencyMs: timeout };
    return console(request, timeout);
  };
};

const activitiesOf = async (subscriptionId: string) =>
  (await testDb.db.simulatorCallback.findMany({ where: { subscriptionId }, orderBy: { createdAt: "asc" } })).map((row) => {
    const params = row.params as Record<string, unknown>;
    return `${row.activity}${typeof params.status === "string" ? `:${params.status}` : typeof params.scene === "string" ? `:${params.scene}` : ""}=${row.state}`;
  });

const frozenMonthly = async (transport: Transport) => {
  const runtime = await inProcessRuntime(deps, { transport, timeCompression: 3600 });
  const bought = await buyProduct({ productKey: "crm-monthly-v2", targetUrl: CONSOLE_TARGET }, runtime);
  expect(bought.deliveries.map((d) => d.state)).toEqual(["succeeded"]);
  const expired = await performBuyerAction({ subscriptionId: bought.subscriptionId, action: "expire" }, runtime);
  expect(expired.deliveries.map((d) => d.state)).toEqual(["succeeded"]);
  return { runtime, subscriptionId: bought.subscriptionId };
};

describe("a late success sends the rest of the buyer action (§5, §8)", () => {
  it("V2 renewal in the freeze period: UNFREEZE follows the refresh once a retry of the refresh succeeds", async () => {
    const link = { down: true };
    const { runtime, subscriptionId } = await frozenMonthly(flakyFor("refreshInstance", link));
    const outcome = await performBuyerAction({ subscriptionId, action: "unfreeze" }, runtime);
    // The refresh failed: the chain stops there, the UNFREEZE is not sent yet.
    expect(outcome.deliveries.map((d) => d.state)).toEqual(["retrying"]);
    expect(await activitiesOf(subscriptionId)).toEqual(["newInstance=succeeded", "updateInstanceStatus:FREEZE=succeeded", "refreshInstance:RENEWAL=retrying"]);
    expect((await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe("frozen");

    link.down = false;
    advance(10 * 60_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(1);
    expect(await activitiesOf(subscriptionId)).toEqual([
      "newInstance=succeeded",
      "updateInstanceStatus:FREEZE=succeeded",
      "refreshInstance:RENEWAL=succeeded",
      "updateInstanceStatus:UNFREEZE=succeeded",
    ]);
    const subscription = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(subscription.status).toBe("active");
    expect(subscription.expireAt!.getTime()).toBeGreaterThan(clock.getTime());
    // The console agrees: the instance is running again.
    const instance = await testDb.db.instance.findFirstOrThrow({ where: { instanceId: subscription.instanceId! } });
    expect(instance.status).toBe("active");
    // The follow-up is sent once, not again on a later run of the worker.
    advance(60 * 60_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(0);
    expect(await activitiesOf(subscriptionId)).toHaveLength(4);
  });

  it("renewal with a spec change in the freeze period: check, RENEWAL_CHANGE refresh on a retry, then UNFREEZE", async () => {
    const link = { down: true };
    const { runtime, subscriptionId } = await frozenMonthly(flakyFor("refreshInstance", link));
    const before = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    const outcome = await performBuyerAction({ subscriptionId, action: "renewChange" }, runtime);
    expect(outcome.deliveries.map((d) => d.state)).toEqual(["succeeded", "retrying"]);
    link.down = false;
    advance(10 * 60_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(1);
    expect((await activitiesOf(subscriptionId)).slice(2)).toEqual([
      "changeInstanceCheck=succeeded",
      "refreshInstance:RENEWAL_CHANGE=succeeded",
      "updateInstanceStatus:UNFREEZE=succeeded",
    ]);
    const after = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(after.status).toBe("active");
    expect(after.skuCode).not.toBe(before.skuCode);
  });

  it("a chain whose failed callback is never answered sends nothing more", async () => {
    const link = { down: true };
    const { runtime, subscriptionId } = await frozenMonthly(flakyFor("refreshInstance", link));
    await performBuyerAction({ subscriptionId, action: "unfreeze" }, runtime);
    for (let i = 0; i < 12; i++) {
      advance(10 * 60_000);
      await processDueCallbacks(deps, runtime);
    }
    expect((await activitiesOf(subscriptionId)).slice(2)).toEqual(["refreshInstance:RENEWAL=exhausted"]);
    expect((await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe("frozen");
  });
});
