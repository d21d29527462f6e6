import { Webhook } from "standardwebhooks";
import { ALL_PRIVATE_TARGETS } from "@/domain/fulfilment/webhook-target";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decryptCredential } from "@/lib/marketplace/koogallery";
import { claimDeliveries } from "@/server/fulfilment/claim-deliveries";
import { cancelDeliveries, rerunDeliveries, resolveDeliveries } from "@/server/fulfilment/operator-actions";
import { runDueDeliveries } from "@/server/fulfilment/run-deliveries";
import { handleQueryInstances } from "@/server/gateway/handlers/query-instances";
import { loadMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { updateSettings } from "@/server/settings/update-settings";
import { createProvisioningInstance, createWebhookProduct, enqueue } from "@/test/support/fulfilment-fixtures";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";
import { startTestSaas } from "@/test/support/test-saas-server";

let testDb: TestDatabase;
let clock = Date.now();
const deps = () => testDeps(testDb.db, () => new Date(clock));
const owner = { id: null, email: "ops@example.com" };
let saas: Awaited<ReturnType<typeof startTestSaas>>;

const TENANT = { frontEndUrl: "https://tenant-42.saas.example.com", adminUrl: "https://admin.saas.example.com", userName: "admin@tenant42", password: "S3cret!pass" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await updateSettings({ "marketplace.basicAccessKey.current": "basic-access-key-for-tests", "fulfilment.retryScheduleSeconds": "10,60" }, null, null, deps());
});
afterAll(async () => testDb?.close());
afterEach(async () => saas?.close());

// Moves the test clock past every pending retry, then lets one worker do what is due.
const tickAndRun = async (workerId = "worker-a") => {
  clock += 3_600_000;
  return runDueDeliveries(deps(), { workerId, allowList: ALL_PRIVATE_TARGETS });
};

describe(`delivery engine on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("retries a SaaS answering 500 twice, then hands its credentials to queryInstance", async () => {
    saas = await startTestSaas((_, index) => (index < 2 ? { status: 500, body: "down" } : { status: 200, body: JSON.stringify(TENANT) }));
    const { product, secret } = await createWebhookProduct(deps(), saas.url);
    const instance = await createProvisioningInstance(testDb.db, product.productCode);
    const id = (await enqueue(deps(), "instance.created", instance, product))!;

    expect(await runDueDeliveries(deps(), { workerId: "worker-a", allowList: ALL_PRIVATE_TARGETS })).toBe(1);
    expect(await testDb.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", lastStatusCode: 500 });
    // Not due yet: the retry waits for its schedule.
    expect(await runDueDeliveries(deps(), { workerId: "worker-a", allowList: ALL_PRIVATE_TARGETS })).toBe(0);
    await tickAndRun();
    await tickAndRun();

    const delivery = await testDb.db.delivery.findUniqueOrThrow({ where: { id }, include: { attemptRows: { orderBy: { attemptNo: "asc" } } } });
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attemptRows.map((a) => [a.attemptNo, a.outcome, a.statusCode])).toEqual([
      [1, "failed", 500],
      [2, "failed", 500],
      [3, "succeeded", 200],
    ]);
    // One webhook-id across retries, so the SaaS can dedupe; every attempt verifies with the product secret.
    expect(new Set(saas.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const first = saas.received[0]!;
    const payload = new Webhook(secret).verify(first.body, first.headers as Record<string, string>) as { type: string; data: { instanceId: string } };
    expect(payload).toMatchObject({ type: "instance.created", data: { instanceId: instance.instanceId } });
    // Later attempts carry the test clock's (future) timestamp, so their signatures are recomputed
    // rather than passed through verify(), which refuses timestamps far from the real clock.
    for (const request of saas.received) {
      const signedAt = new Date(Number(request.headers["webhook-timestamp"]) * 1000);
      expect(request.headers["webhook-signature"]).toBe(new Webhook(secret).sign(String(request.headers["webhook-id"]), signedAt, request.body));
    }

    const keys = await loadMarketplaceKeys(deps());
    const answer = await handleQueryInstances(
      { kind: "queryInstances", instanceIds: [instance.instanceId] },
      { generation: "v2", testFlag: false, inboundRequestId: 1n, answerKey: "basic-access-key-for-tests", config: keys, deps: deps() },
    );
    const info = (answer.answer as { info: { appInfo: { frontEndUrl: string; userName: string; password: string } }[] }).info[0]!;
    expect(info.appInfo.frontEndUrl).toBe(TENANT.frontEndUrl);
    expect(decryptCredential(info.appInfo.userName, "basic-access-key-for-tests")).toMatchObject({ ok: true, plaintext: TENANT.userName });
    expect(decryptCredential(info.appInfo.password, "basic-access-key-for-tests")).toMatchObject({ ok: true, plaintext: TENANT.password });
  });

  it("dead-letters after the schedule, fails the instance, and a re-run succeeds", async () => {
    saas = await startTestSaas(() => ({ status: 503 }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const instance = await createProvisioningInstance(testDb.db, product.productCode);
    const id = (await enqueue(deps(), "instance.created", instance, product))!;
    await runDueDeliveries(deps(), { workerId: "w", allowList: ALL_PRIVATE_TARGETS });
    await tickAndRun();
    await tickAndRun();
    expect(await testDb.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "dead", attempts: 3, lastStatusCode: 503 });
    expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId: instance.instanceId } })).status).toBe("failed");
    expect(await tickAndRun()).toBe(0);

    saas.respondWith(() => ({ status: 200, body: JSON.stringify({ frontEndUrl: "https://fixed.example.com" }) }));
    const rerun = await rerunDeliveries([id], owner, null, deps());
    expect(rerun.changed).toEqual([id]);
    expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId: instance.instanceId } })).status).toBe("provisioning");
    expect(await runDueDeliveries(deps(), { workerId: "w", allowList: ALL_PRIVATE_TARGETS })).toBe(1);
    expect(await testDb.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "succeeded", attempts: 4, roundAttempts: 1 });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId: instance.instanceId } })).toMatchObject({ status: "active", frontEndUrl: "https://fixed.example.com" });
    expect(await testDb.db.auditEvent.count({ where: { action: "delivery.rerun" } })).toBe(1);
  });

  it("refuses a 2xx answer to instance.created that is not a provisioning result", async () => {
    saas = await startTestSaas(() => ({ status: 200, body: JSON.stringify({ url: "nope" }) }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const instance = await createProvisioningInstance(testDb.db, product.productCode);
    const id = (await enqueue(deps(), "instance.created", instance, product))!;
    await runDueDeliveries(deps(), { workerId: "w", allowList: ALL_PRIVATE_TARGETS });
    const delivery = await testDb.db.delivery.findUniqueOrThrow({ where: { id } });
    expect(delivery.status).toBe("pending");
    expect(delivery.lastError).toContain("frontEndUrl");
  });

  it("records an answer holding a NUL character (which PostgreSQL text cannot store) with the rest of its group", async () => {
    saas = await startTestSaas((_, index) => (index === 0 ? { status: 502, body: "bad\u0000gateway" } : { status: 204 }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueue(deps(), "instance.renewed", await createProvisioningInstance(testDb.db, product.productCode), product))!);
    expect(await runDueDeliveries(deps(), { workerId: "w", allowList: ALL_PRIVATE_TARGETS })).toBe(3);
    const rows = await testDb.db.delivery.findMany({ where: { id: { in: ids } }, include: { attemptRows: true } });
    expect(rows.map((row) => row.status).sort()).toEqual(["pending", "succeeded", "succeeded"]);
    const failed = rows.find((row) => row.status === "pending")!;
    expect(failed.attemptRows[0]).toMatchObject({ outcome: "failed", statusCode: 502, responseExcerpt: "badgateway" });
  });

  it("delivers each instance's events in order with two workers at once", async () => {
    saas = await startTestSaas(() => ({ status: 200, body: JSON.stringify({ frontEndUrl: "https://t.example.com" }), delayMs: 20 }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const instances = await Promise.all([1, 2, 3, 4].map(() => createProvisioningInstance(testDb.db, product.productCode)));
    for (const instance of instances) {
      for (const type of ["instance.created", "instance.renewed", "instance.frozen", "instance.released"] as const) {
        await enqueue(deps(), type, instance, product);
      }
    }
    const [a, b] = await Promise.all([
      runDueDeliveries(deps(), { workerId: "worker-a", batchSize: 3, allowList: ALL_PRIVATE_TARGETS }),
      runDueDeliveries(deps(), { workerId: "worker-b", batchSize: 3, allowList: ALL_PRIVATE_TARGETS }),
    ]);
    expect(a + b).toBe(16);
    for (const instance of instances) {
      const order = saas.received
        .map((r) => JSON.parse(r.body) as { type: string; data: { instanceId: string } })
        .filter((event) => event.data.instanceId === instance.instanceId)
        .map((event) => event.type);
      expect(order).toEqual(["instance.created", "instance.renewed", "instance.frozen", "instance.released"]);
    }
    const workers = new Set((await testDb.db.deliveryAttempt.findMany({ select: { workerId: true } })).map((x) => x.workerId));
    expect(workers.has("worker-a") && workers.has("worker-b")).toBe(true);
  });

  it("a later event waits while an earlier one of the same instance is dead", async () => {
    saas = await startTestSaas(() => ({ status: 500 }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const instance = await createProvisioningInstance(testDb.db, product.productCode);
    const created = (await enqueue(deps(), "instance.created", instance, product))!;
    const released = (await enqueue(deps(), "instance.released", instance, product))!;
    await runDueDeliveries(deps(), { workerId: "w", allowList: ALL_PRIVATE_TARGETS });
    await tickAndRun();
    await tickAndRun();
    expect((await testDb.db.delivery.findUniqueOrThrow({ where: { id: created } })).status).toBe("dead");
    expect(await testDb.db.delivery.findUniqueOrThrow({ where: { id: released } })).toMatchObject({ status: "pending", attempts: 0 });
    // Resolving the dead one by hand lets the queue move on.
    await resolveDeliveries([created], "tenant created by hand", owner, null, deps());
    saas.respondWith(() => ({ status: 204 }));
    await tickAndRun();
    expect((await testDb.db.delivery.findUniqueOrThrow({ where: { id: released } })).status).toBe("succeeded");
    const cancelled = await cancelDeliveries([released], owner, null, deps());
    expect(cancelled).toEqual({ changed: [], skipped: [{ id: released, reason: "it is succeeded" }] });
  });

  it("a delivery claimed by a worker that died is taken over once its lease expires", async () => {
    saas = await startTestSaas(() => ({ status: 200, body: JSON.stringify({ frontEndUrl: "https://after-crash.example.com" }) }));
    const { product } = await createWebhookProduct(deps(), saas.url);
    const instance = await createProvisioningInstance(testDb.db, product.productCode);
    const id = (await enqueue(deps(), "instance.created", instance, product))!;
    const claimed = await claimDeliveries("doomed-worker", 10, 30_000, deps());
    expect(claimed.map((d) => d.id)).toContain(id);
    // The doomed worker never finishes. Within its lease nobody else may take the delivery…
    expect(await runDueDeliveries(deps(), { workerId: "rescuer", allowList: ALL_PRIVATE_TARGETS })).toBe(0);
    clock += 31_000;
    // …after it, another worker does, and the lost attempt is recorded as such.
    expect(await runDueDeliveries(deps(), { workerId: "rescuer", allowList: ALL_PRIVATE_TARGETS })).toBe(1);
    const delivery = await testDb.db.delivery.findUniqueOrThrow({ where: { id }, include: { attemptRows: { orderBy: { attemptNo: "asc" } } } });
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attemptRows.map((a) => [a.workerId, a.outcome])).toEqual([
      ["doomed-worker", "lost"],
      ["rescuer", "succeeded"],
    ]);
    expect(saas.received).toHaveLength(1);
  });
});
