import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/server/bootstrap/seed-demo-data";
import type { Deps } from "@/server/deps";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// npm start's first run: the demo data comes from the simulator driving the real gateway.
let testDb: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
});
afterAll(async () => testDb?.close());

describe("first-run demo data", () => {
  it("plays three weeks of orders through the gateway, quickly, with failures and refunds", async () => {
    const started = performance.now();
    expect(await seedDemoData(deps)).toEqual({ seeded: true });
    // About 3 s on an idle machine; the bound leaves room for a loaded CI box.
    expect(performance.now() - started).toBeLessThan(30_000);

    const subscriptions = await testDb.db.simulatorSubscription.findMany();
    expect(new Set(subscriptions.map((s) => s.productKey)).size).toBeGreaterThanOrEqual(10);
    expect(subscriptions.map((s) => s.status)).toEqual(expect.arrayContaining(["active", "frozen", "released", "failed"]));
    const oldest = Math.min(...subscriptions.map((s) => s.createdAt.getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(20 * 86_400_000);

    // Everything the console shows came in as a signed callback it verified, marked as test traffic.
    const requests = await testDb.db.inboundRequest.findMany();
    expect(requests.length).toBeGreaterThan(30);
    expect(requests.every((r) => r.testFlag || r.verification !== "ok")).toBe(true);
    expect(requests.filter((r) => r.verification === "mismatch").length).toBe(4);
    const instances = await testDb.db.instance.groupBy({ by: ["status"], _count: { _all: true } });
    expect(instances.map((i) => i.status).sort()).toEqual(["active", "frozen", "released"]);

    // The purchase signed with a key the console no longer had was retried hourly for 3 hours, then refunded.
    const failed = subscriptions.find((s) => s.status === "failed")!;
    const attempts = await testDb.db.simulatorAttempt.findMany({ where: { callback: { subscriptionId: failed.id } }, orderBy: { attempt: "asc" } });
    // The console answers 000001 signed with its own key, so the marketplace's first complaint is the signature.
    expect(attempts.map((a) => [a.resultCode, a.error?.startsWith("响应Http Body签名校验失败,预期的签名值:")])).toEqual(Array(4).fill(["000001", true]));
    expect(attempts[3]!.sentAt.getTime() - attempts[0]!.sentAt.getTime()).toBe(3 * 3_600_000);
    expect(await testDb.db.simulatorOrder.findUniqueOrThrow({ where: { orderId: failed.orderId } })).toMatchObject({ status: "refunded" });
    expect(await testDb.db.simulatorOrder.count({ where: { status: "refunded" } })).toBeGreaterThanOrEqual(2);

    // The seller outage: one unreachable attempt, then the hourly retry got through.
    const recovered = await testDb.db.simulatorCallback.findFirstOrThrow({ where: { attempts: 2, state: "succeeded" }, include: { attemptRows: { orderBy: { attempt: "asc" } } } });
    expect(recovered.attemptRows.map((a) => a.error)).toEqual(["生产地址不可达", null]);

    expect(await seedDemoData(deps)).toEqual({ seeded: false });
  });
});
