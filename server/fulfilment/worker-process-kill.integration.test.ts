import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningInstance, createWebhookProduct, enqueue } from "@/test/support/fulfilment-fixtures";
import { createTestDatabase, TEST_APP_SECRET, testDeps, type TestDatabase } from "@/test/support/test-database";
import { startTestSaas } from "@/test/support/test-saas-server";
import { startWorkerProcess, waitFor, type WorkerProcess } from "@/test/support/worker-process-control";

// A worker process killed with SIGKILL mid-delivery (its POSTs sent, the answers not yet in): once
// its lease runs out a second worker process takes the deliveries over, and the SaaS, deduping by
// webhook-id, provisions every tenant exactly once.
//
// Both workers are real processes talking to the database over the wire. On PostgreSQL
// (TEST_DATABASE_URL) that is the test's own database; on PGlite it is the in-memory database
// behind the embedded Postgres wire-protocol server (the one the embedded console runs on), which
// a second process can reach just the same. PGlite serves one client at a time, and interleaved
// extended-protocol messages from two clients break it (see server/db.ts), so on both databases
// this test keeps to one client at a time: each worker has one connection, only one worker is
// alive at once, and the test reads the database only when no worker runs — while they do, it
// watches the SaaS.
const LEASE_MS = 4_000;
const DELIVERIES = 6;

let testDb: TestDatabase;
const deps = () => testDeps(testDb.db);
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  await testDb?.close();
});

describe(`a killed worker process on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite (over its wire-protocol server)"}`, () => {
  it("is taken over by another worker process after its lease; every tenant is provisioned once", { timeout: 120_000 }, async () => {
    // The SaaS: the first arrival of a webhook-id creates the tenant and then takes its time to
    // answer (the worker dies meanwhile); a repeat of a known webhook-id gets the same tenant at once.
    const tenants = new Map<string, { frontEndUrl: string; created: number }>();
    const saas = await startTestSaas((request) => {
      const id = String(request.headers["webhook-id"]);
      const known = tenants.get(id);
      if (known) return { status: 200, body: JSON.stringify({ frontEndUrl: known.frontEndUrl }) };
      const instanceId = (JSON.parse(request.body) as { data: { instanceId: string } }).data.instanceId;
      tenants.set(id, { frontEndUrl: `https://${instanceId}.saas.example.com`, created: tenants.size + 1 });
      return "hang";
    });
    try {
      const { product } = await createWebhookProduct(deps(), saas.url);
      const instances = await Promise.all(Array.from({ length: DELIVERIES }, () => createProvisioningInstance(testDb.db, product.productCode)));
      for (const instance of instances) await enqueue(deps(), "instance.created", instance, product);

      const start = (workerId: string) => {
        const worker = startWorkerProcess({ databaseUrl: testDb.url, appSecret: TEST_APP_SECRET, workerId, leaseMs: LEASE_MS, allowPrivateTargets: "127.0.0.1" });
        workers.push(worker);
        return worker;
      };

      const doomed = start("doomed-worker");
      await doomed.ready;
      await waitFor("the first worker's POSTs to reach the SaaS", () => saas.received.length === DELIVERIES, 30_000);
      doomed.child.kill("SIGKILL");
      expect(await doomed.exited).toEqual({ code: null, signal: "SIGKILL" });
      expect(doomed.processed()).toBe(0);

      const rescuer = start("rescuer");
      await rescuer.ready;
      await waitFor("the second worker to finish every delivery", () => rescuer.processed() === DELIVERIES, 60_000);
      rescuer.child.kill("SIGTERM");
      expect(await rescuer.exited).toEqual({ code: 0, signal: null });

      // From the SaaS's side: each webhook-id came twice (the killed worker's try, the rescuer's),
      // and each tenant was created once.
      const byId = new Map<string, number>();
      for (const request of saas.received) byId.set(String(request.headers["webhook-id"]), (byId.get(String(request.headers["webhook-id"])) ?? 0) + 1);
      expect(byId.size).toBe(DELIVERIES);
      expect([...byId.values()]).toEqual(Array.from({ length: DELIVERIES }, () => 2));
      expect(tenants.size).toBe(DELIVERIES);

      // From the console's side: every delivery succeeded on the rescuer's attempt, the killed
      // worker's attempt is recorded as lost, and the take-over waited for the lease to run out.
      const deliveries = await testDb.db.delivery.findMany({ include: { attemptRows: { orderBy: { attemptNo: "asc" } } } });
      expect(deliveries).toHaveLength(DELIVERIES);
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: null });
        expect(delivery.attemptRows.map((a) => [a.attemptNo, a.workerId, a.outcome])).toEqual([
          [1, "doomed-worker", "lost"],
          [2, "rescuer", "succeeded"],
        ]);
        const [lost, won] = delivery.attemptRows as [(typeof delivery.attemptRows)[0], (typeof delivery.attemptRows)[0]];
        expect(won.startedAt.getTime() - lost.startedAt.getTime()).toBeGreaterThanOrEqual(LEASE_MS);
      }
      const provisioned = await testDb.db.instance.findMany({ where: { instanceId: { in: instances.map((i) => i.instanceId) } } });
      for (const instance of provisioned) {
        expect(instance).toMatchObject({ status: "active", frontEndUrl: `https://${instance.instanceId}.saas.example.com` });
      }
    } finally {
      await saas.close();
    }
  });
});
