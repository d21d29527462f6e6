// One worker process of `npm run bench:deliveries`: the production delivery path
// (runDueDeliveries → claim with SKIP LOCKED → processDelivery → signed POST), looped until no
// delivery is left to do. It says "ready" once connected and waits for "go", so that process
// start-up (tsx, the Prisma client, the pool) stays out of the measured time; once drained it
// reports its CPU time and keeps its connections until "exit", so that the parent can read the
// database backends' CPU time before they go away.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { createSecretBox } from "@/server/crypto/secret-box";
import type { Deps } from "@/server/deps";
import { newWorkerId, runDueDeliveries } from "@/server/fulfilment/run-deliveries";
import { parseAllowList } from "@/domain/fulfilment/webhook-target";

export type WorkerMessage =
  | { type: "ready" }
  | { type: "done"; processed: number; batches: number; cpuS: number }
  | { type: "failed"; error: string };

// Resolves once the message is handed to the parent: exiting before that would lose it.
const send = (message: WorkerMessage) =>
  new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });

const intFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const main = async () => {
  const databaseUrl = process.env.DATABASE_URL;
  const appSecret = process.env.APP_SECRET;
  if (!databaseUrl || !appSecret) throw new Error("DATABASE_URL and APP_SECRET are required");
  const batchSize = intFromEnv("BENCH_BATCH_SIZE", 16);
  // Several claim loops per process keep the process busy while one batch waits for its slowest
  // delivery (processDelivery awaits a whole batch before claiming the next).
  const loops = intFromEnv("BENCH_LOOPS", 2);
  // Connections, not concurrency, are the scarce resource: four of these processes must fit in
  // the server's max_connections next to whatever else runs on it. With more deliveries in flight
  // than connections, a transaction may queue for one longer than Prisma's default 2 s on a busy
  // machine; that would end the run, not measure it.
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: intFromEnv("BENCH_POOL", 10) }),
    transactionOptions: { maxWait: 30_000 },
  });
  const deps: Deps = { db, now: () => new Date(), secretBox: createSecretBox(appSecret) };
  await db.$queryRaw`SELECT 1`;
  // The receiver listens on loopback: exactly that is allowed, the rest of the rule stays on.
  const allowed = parseAllowList("127.0.0.1, ::1");
  if (!allowed.ok) throw new Error(allowed.error);
  const allowList = allowed.allowList;

  const orderFromParent = (type: "go" | "exit") =>
    new Promise<void>((resolve) => {
      const listener = (message: { type?: string }) => {
        if (message?.type !== type) return;
        process.off("message", listener);
        resolve();
      };
      process.on("message", listener);
    });

  const go = orderFromParent("go");
  await send({ type: "ready" });
  await go;
  const cpuAtStart = process.cpuUsage();

  let processed = 0;
  let batches = 0;
  const loop = async () => {
    const workerId = newWorkerId();
    for (;;) {
      const done = await runDueDeliveries(deps, { workerId, batchSize, maxBatches: 1, allowList });
      if (done > 0) {
        processed += done;
        batches++;
        continue;
      }
      // Nothing claimable: finished, or the rest is in other workers' hands (a failed attempt of
      // theirs would come back as pending, so only stop once nothing is pending or in flight).
      const [left] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM deliveries WHERE status IN ('pending', 'processing')`;
      if (!left || left.n === 0n) return;
      await sleep(20);
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  const cpu = process.cpuUsage(cpuAtStart);
  const exit = orderFromParent("exit");
  await send({ type: "done", processed, batches, cpuS: (cpu.user + cpu.system) / 1e6 });
  await exit;
  await db.$disconnect();
};

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
