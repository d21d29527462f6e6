// A delivery worker in a process of its own, for tests that kill one (SIGKILL) mid-delivery: the
// production loop (runDueDeliveries: claim with SKIP LOCKED and a lease → signed POST → record),
// with a lease short enough for a test to wait out. Started by test/support/worker-process-control.ts.
import { parseAllowList } from "@/domain/fulfilment/webhook-target";
import { createSecretBox } from "@/server/crypto/secret-box";
import { createPrismaClient } from "@/server/db";
import type { Deps } from "@/server/deps";
import { runDueDeliveries } from "@/server/fulfilment/run-deliveries";

export type WorkerProcessMessage = { type: "ready" } | { type: "processed"; count: number } | { type: "failed"; error: string };

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const main = async () => {
  const allowed = parseAllowList(process.env.FULFILMENT_ALLOW_PRIVATE_TARGETS);
  if (!allowed.ok) throw new Error(allowed.error);
  // One connection: the embedded PGlite serves one client at a time (see server/db.ts).
  const db = createPrismaClient(required("DATABASE_URL"), Number(process.env.WORKER_POOL_SIZE ?? 1));
  const deps: Deps = { db, now: () => new Date(), secretBox: createSecretBox(required("APP_SECRET")) };
  await db.$queryRaw`SELECT 1`;
  process.send?.({ type: "ready" } satisfies WorkerProcessMessage);
  let stopping = false;
  process.on("SIGTERM", () => (stopping = true));
  const options = { workerId: required("WORKER_ID"), allowList: allowed.allowList, leaseMs: Number(required("LEASE_MS")), maxBatches: 1 };
  while (!stopping) {
    const count = await runDueDeliveries(deps, options);
    if (count > 0) process.send?.({ type: "processed", count } satisfies WorkerProcessMessage);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await db.$disconnect();
  process.exit(0);
};

main().catch((error: unknown) => {
  process.send?.({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerProcessMessage);
  process.exit(1);
});
