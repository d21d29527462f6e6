import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { buyProduct } from "@/server/simulator/buy-product";
import { runDialTest, saveDialTest } from "@/server/simulator/dial-tests";
import { createInProcessTransport } from "@/server/simulator/in-process-transport";
import { claimDueCallbacks, processDueCallbacks, processDueDialTests } from "@/server/simulator/process-due-work";
import { runDebugSuite } from "@/server/simulator/run-debug-suite";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime } from "@/server/simulator/simulator-test-setup";
import { SIM_PRODUCT_KEYS } from "@/lib/marketplace/koogallery/simulator";
import { updateSettings } from "@/server/settings/update-settings";
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

describe("the marketplace's behaviour after failures (§5)", () => {
  it("retries a failed purchase on the compressed schedule, then fails and refunds the order", async () => {
    const down: Transport = async () => ({ kind: "unreachable", detail: "ECONNREFUSED", latencyMs: 1 });
    const runtime = await inProcessRuntime(deps, { transport: down, timeCompression: 60 });
    const bought = await buyProduct({ productKey: "hr-monthly-v1", targetUrl: "http://down.test/cb" }, runtime);
    expect(bought.deliveries[0]).toMatchObject({ state: "retrying", verdict: { error: "生产地址不可达" } });
    // Nothing is due before the first retry (1 hour ÷ 60 = 1 minute).
    advance(59_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(0);
    for (let i = 0; i < 3; i++) {
      advance(60_000);
      expect(await processDueCallbacks(deps, runtime)).toBe(1);
    }
    const callback = await testDb.db.simulatorCallback.findUniqueOrThrow({ where: { id: bought.deliveries[0]!.callbackId } });
    expect(callback).toMatchObject({ state: "exhausted", attempts: 4, nextAttemptAt: null });
    const subscription = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    expect(subscription.status).toBe("failed");
    expect(await testDb.db.simulatorOrder.findUniqueOrThrow({ where: { orderId: subscription.orderId } })).toMatchObject({ status: "refunded" });
  });

  it("a retry that gets through opens the purchase", async () => {
    let up = false;
    const consoleTransport = createInProcessTransport(deps);
    const flaky: Transport = async (request, timeout) => (up ? consoleTransport(request, timeout) : { kind: "timeout", timeoutMs: timeout, latencyMs: timeout });
    const runtime = await inProcessRuntime(deps, { transport: flaky, timeCompression: 3600 });
    const bought = await buyProduct({ productKey: "crm-monthly-v2", targetUrl: CONSOLE_TARGET }, runtime);
    expect(bought.deliveries[0]!.verdict.error).toBe("调用接口超时20s");
    up = true;
    advance(1_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(1);
    const subscription = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    expect(subscription).toMatchObject({ status: "active", instanceId: expect.any(String) });
  });

  it("a claimed callback is not handed to a second worker", async () => {
    const down: Transport = async () => ({ kind: "unreachable", detail: "x", latencyMs: 1 });
    const runtime = await inProcessRuntime(deps, { transport: down, timeCompression: 3600 });
    await buyProduct({ productKey: "hr-yearly-v1", targetUrl: "http://down.test/cb" }, runtime);
    advance(2_000);
    const [first, second] = await Promise.all([claimDueCallbacks(deps), claimDueCallbacks(deps)]);
    expect(first!.length + second!.length).toBe(1);
  });

  it("polls queryInstance after 000004 until the instance has its information", async () => {
    let polls = 0;
    const consoleTransport = createInProcessTransport(deps);
    const asyncSeller: Transport = async (request, timeout) => {
      const body = request.body ? (JSON.parse(request.body) as { activity: string }) : null;
      if (body?.activity === "newInstance") {
        return { kind: "answered", status: 200, headers: { "content-type": "application/json" }, body: '{"resultCode":"000004","resultMsg":"in progress","instanceId":"async-1"}', latencyMs: 1 };
      }
      polls++;
      if (polls < 2) return { kind: "answered", status: 200, headers: { "content-type": "application/json" }, body: '{"resultCode":"000000","resultMsg":"ok","info":[{"instanceId":"async-1"}]}', latencyMs: 1 };
      return consoleTransport(request, timeout).then(() => ({
        kind: "answered" as const,
        status: 200,
        headers: { "content-type": "application/json" },
        body: '{"resultCode":"000000","resultMsg":"ok","info":[{"instanceId":"async-1","appInfo":{"frontEndUrl":"https://t.example.com"}}]}',
        latencyMs: 1,
      }));
    };
    const runtime = await inProcessRuntime(deps, { transport: asyncSeller, timeCompression: 60 });
    const bought = await buyProduct({ productKey: "crm-yearly-v2", targetUrl: "http://seller.test/cb" }, runtime);
    expect(bought.deliveries[0]).toMatchObject({ state: "polling", verdict: { isAsync: true } });
    expect(await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } })).toMatchObject({ status: "opening", instanceId: "async-1" });
    advance(1_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(1);
    advance(1_000);
    expect(await processDueCallbacks(deps, runtime)).toBe(1);
    const callback = await testDb.db.simulatorCallback.findUniqueOrThrow({ where: { id: bought.deliveries[0]!.callbackId }, include: { attemptRows: { orderBy: { attempt: "asc" } } } });
    expect(callback.state).toBe("succeeded");
    expect(callback.attemptRows.map((a) => a.activity)).toEqual(["newInstance", "queryInstance", "queryInstance"]);
    expect((await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } })).status).toBe("active");
  });
});

describe("debugging cases and the dial test", () => {
  it("every standard case of every product passes against the console, and passing cases are saved", { timeout: 120_000 }, async () => {
    const runtime = await inProcessRuntime(deps);
    const result = await runDebugSuite({ productKeys: SIM_PRODUCT_KEYS, targetUrl: CONSOLE_TARGET, save: true }, runtime);
    expect(result.results.filter((r) => r.verdict !== "pass")).toEqual([]);
    expect(result.passed).toBeGreaterThan(40);
    expect(await testDb.db.simulatorSavedCase.count({ where: { targetUrl: CONSOLE_TARGET } })).toBe(result.passed);
  });

  // Four runs of every saved case (over a hundred callbacks each): generous for a loaded CI box.
  it("the scheduled dial test replays the saved cases and raises an alert when one fails", { timeout: 180_000 }, async () => {
    const runtime = await inProcessRuntime(deps);
    const { dialTestId } = await saveDialTest({ targetUrl: CONSOLE_TARGET, intervalMinutes: 720, enabled: true }, deps);
    advance(719 * 60_000);
    expect(await processDueDialTests(deps, runtime)).toBe(0);
    advance(61_000);
    expect(await processDueDialTests(deps, runtime)).toBe(1);
    const [run] = await testDb.db.simulatorDialRun.findMany({ where: { dialTestId } });
    expect(run).toMatchObject({ trigger: "schedule", failed: 0, alert: null });
    expect(run!.passed).toBeGreaterThan(40);

    // The seller breaks its endpoint: the next run fails, counts, and is alerted through the
    // console's alert channels (here a chat webhook).
    const posted: string[] = [];
    const chat = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        posted.push(body);
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => chat.listen(0, "127.0.0.1", resolve));
    try {
      const broken = await inProcessRuntime(deps, { transport: async () => ({ kind: "answered", status: 502, headers: {}, body: "Bad Gateway", latencyMs: 1 }) });
      // Without a channel the failure is still recorded, as not alerted.
      const unalerted = await runDialTest({ dialTestId, trigger: "manual" }, broken);
      expect(unalerted).toMatchObject({ passed: 0, alert: "no-channel" });
      expect(posted).toEqual([]);

      await updateSettings({ "alerts.chatWebhookUrl": `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hook` }, null, null, deps);
      const failedRun = await runDialTest({ dialTestId, trigger: "manual" }, broken);
      expect(failedRun.passed).toBe(0);
      expect(failedRun.alert).toBe("sent");
      expect(failedRun.results.find((r) => r.caseKey === "new")).toMatchObject({ verdict: "fail", error: "接口响应httpCode=502" });
      expect(await testDb.db.simulatorDialTest.findUniqueOrThrow({ where: { id: dialTestId } })).toMatchObject({ consecutiveFailedRuns: 2 });
      expect(posted).toHaveLength(1);
      const { text } = JSON.parse(posted[0]!) as { text: string };
      expect(text).toContain(`拨测失败 Dial test failed: ${failedRun.failed} 个用例 cases — ${CONSOLE_TARGET}`);
      expect(text).toContain("✗ crm-monthly-v2 new (newInstance): 接口响应httpCode=502");
      expect(text).toContain("连续失败 2 次");

      // A passing run is not alerted and resets the count.
      const healthy = await runDialTest({ dialTestId, trigger: "manual" }, runtime);
      expect(healthy).toMatchObject({ failed: 0, alert: null });
      expect(posted).toHaveLength(1);
    } finally {
      await new Promise((resolve) => chat.close(resolve));
    }
  });
});
