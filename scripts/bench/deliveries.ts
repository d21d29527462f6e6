// `npm run bench:deliveries`: how many lifecycle deliveries per second the delivery engine sends
// to a fast local SaaS with 1, 2 and 4 worker processes on the real PostgreSQL (issue 5, "Tests
// and figures"), and whether every delivery arrived exactly once. The rate is reported, not
// asserted: the exit code is 0 when every run delivered everything exactly once, 1 otherwise.
//
// Everything is local and bounded: a throwaway database (dropped on every way out), a receiver on
// loopback, worker processes that are this script's own children.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { createSecretBox } from "@/server/crypto/secret-box";
import { runMigrations } from "@/server/database/migrations";
import { generateWebhookSecret, sealWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import type { WorkerMessage } from "./deliveries-worker";
import { cpuBetween, sampleCpu } from "./process-cpu";

const ROOT = process.cwd();
const HOST = "127.0.0.1";
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DELIVERIES = positiveInt("BENCH_DELIVERIES", 10_000);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? "1,2,4").split(",").map((part) => {
  const value = Number(part.trim());
  if (!Number.isInteger(value) || value < 1 || value > 32) throw new Error(`BENCH_WORKERS must list worker counts (1–32), not "${part}"`);
  return value;
});
const BATCH_SIZE = positiveInt("BENCH_BATCH_SIZE", 16);
const LOOPS = positiveInt("BENCH_LOOPS", 2);
const POOL = positiveInt("BENCH_POOL", 10);
const RUN_TIMEOUT_MS = positiveInt("BENCH_RUN_TIMEOUT_S", 600) * 1000;
const AIM_PER_SECOND_WITH_4 = 500;
const PRODUCT_CODE = "00301-BENCH-WEBHOOK";
// The receiver shares the machine with the workers and the database: on a busy machine its answer
// can take longer than the 5 s default, the attempt then counts as failed and is retried, and
// the retry arrives as a (correct, same webhook-id) duplicate. The longest allowed timeout keeps
// the check about the engine claiming each delivery once, not about the machine's load.
const WEBHOOK_TIMEOUT_MS = positiveInt("BENCH_WEBHOOK_TIMEOUT_MS", 30_000);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Clean-up that runs on success, failure and Ctrl-C alike, newest first.

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaningUp: Promise<void> | null = null;

const cleanUp = (): Promise<void> => {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`clean-up "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaningUp;
};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the workers and dropping the bench database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Database

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const createBenchDatabase = async (): Promise<{ url: string; name: string }> => {
  const host = new URL(ADMIN_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to benchmark against a non-local database (${host}).`);
  }
  const name = `kgc_bench_deliveries_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  cleanups.push({
    name: `drop database ${name}`,
    run: async () => {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        console.log(`Dropped database ${name}.`);
      } finally {
        await dropper.end();
      }
    },
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  console.log(`Database: ${name} on ${url.host}`);
  return { url: url.toString(), name };
};

// Distinct instances, so the per-instance ordering never holds one delivery behind another and
// the figure is the engine's throughput, not the ordering rule's.
const seed = async (client: pg.Client, appSecret: string, webhookUrl: string) => {
  const secret = generateWebhookSecret();
  await client.query(
    `INSERT INTO products (id, product_code, provisioning_mode, front_end_url, webhook_url, webhook_secret_sealed, webhook_timeout_ms)
     VALUES (gen_random_uuid(), $1, 'webhook', 'https://t.example.com', $2, $3, $4)`,
    [PRODUCT_CODE, webhookUrl, sealWebhookSecret(PRODUCT_CODE, secret, { secretBox: createSecretBox(appSecret) }), WEBHOOK_TIMEOUT_MS],
  );
  await client.query(
    `INSERT INTO deliveries (id, event_type, adapter, instance_id, order_key, order_id, product_code, payload, status, next_attempt_at)
     SELECT gen_random_uuid(), 'instance.renewed', 'webhook', i.instance_id, i.instance_id, 'CSBENCH' || lpad(g::text, 8, '0'), $1,
            jsonb_build_object('type', 'instance.renewed', 'timestamp', now(), 'data', jsonb_build_object(
              'instanceId', i.instance_id, 'orderId', 'CSBENCH' || lpad(g::text, 8, '0'), 'orderLineId', NULL,
              'productCode', $1::text, 'skuCode', NULL, 'customerId', NULL, 'customerName', NULL, 'chargingMode', 'PERIOD',
              'expireAt', NULL, 'trial', false, 'test', false, 'scene', 'RENEWAL')),
            'pending', now()
     FROM generate_series(1, $2::int) AS g, LATERAL (SELECT md5('bench-instance-' || g) AS instance_id) AS i`,
    [PRODUCT_CODE, DELIVERIES],
  );
  return secret;
};

const resetDeliveries = async (client: pg.Client) => {
  await client.query(`DELETE FROM delivery_attempts`);
  await client.query(
    `UPDATE deliveries SET status = 'pending', attempts = 0, round_attempts = 0, next_attempt_at = now(), lease_expires_at = NULL,
       locked_by = NULL, last_error = NULL, last_status_code = NULL, completed_at = NULL, updated_at = now()`,
  );
  // Every run starts from the same table shape, not from the previous run's dead tuples.
  await client.query(`VACUUM ANALYZE deliveries, delivery_attempts`);
};

type DbCheck = { succeeded: number; other: number; attempts: number; deliveriesWithOneAttempt: number; repeats: string[] };

const checkDatabase = async (client: pg.Client): Promise<DbCheck> => {
  const { rows } = await client.query<{ succeeded: string; other: string; attempts: string; single: string }>(
    `SELECT (SELECT count(*) FROM deliveries WHERE status = 'succeeded') AS succeeded,
            (SELECT count(*) FROM deliveries WHERE status <> 'succeeded') AS other,
            (SELECT count(*) FROM delivery_attempts) AS attempts,
            (SELECT count(*) FROM (SELECT delivery_id FROM delivery_attempts GROUP BY delivery_id HAVING count(*) = 1) AS s) AS single`,
  );
  const row = rows[0]!;
  // A delivery attempted twice means a lease ran out while its first attempt was still going:
  // show when each attempt ran and on which worker, which says how long the first one took.
  const repeated = await client.query<{ delivery_id: string; attempts: string }>(
    `SELECT delivery_id, string_agg(format('%s by %s at %s, finished %s (%s%s)', attempt_no, worker_id, to_char(started_at, 'HH24:MI:SS.MS'),
              coalesce(to_char(finished_at, 'HH24:MI:SS.MS'), 'never'), outcome, coalesce(': ' || error, '')), '; ' ORDER BY id) AS attempts
     FROM delivery_attempts GROUP BY delivery_id HAVING count(*) > 1 ORDER BY delivery_id LIMIT 5`,
  );
  return {
    succeeded: Number(row.succeeded),
    other: Number(row.other),
    attempts: Number(row.attempts),
    deliveriesWithOneAttempt: Number(row.single),
    repeats: repeated.rows.map((repeat) => `${repeat.delivery_id}: ${repeat.attempts}`),
  };
};

// ---------------------------------------------------------------------------------------------
// The seller's SaaS: as fast as a local process can answer, counting what arrives.

type Receiver = { url: string; server: Server; tally: Tally };
type Tally = { requests: number; byWebhookId: Map<string, number>; badSignatures: number; missingId: number };

const newTally = (): Tally => ({ requests: 0, byWebhookId: new Map(), badSignatures: 0, missingId: 0 });

const startReceiver = async (secret: () => string | null): Promise<Receiver> => {
  const receiver = { tally: newTally() } as Receiver;
  const answer = JSON.stringify({ frontEndUrl: "https://t.example.com" });
  let verifier: Webhook | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const tally = receiver.tally;
      tally.requests++;
      const id = req.headers["webhook-id"];
      if (typeof id === "string") tally.byWebhookId.set(id, (tally.byWebhookId.get(id) ?? 0) + 1);
      else tally.missingId++;
      const key = secret();
      if (key) {
        verifier ??= new Webhook(key);
        try {
          verifier.verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>);
        } catch {
          tally.badSignatures++;
        }
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push({
    name: "stop the receiver",
    run: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
  receiver.server = server;
  receiver.url = `http://${HOST}:${port}/koogallery-events`;
  return receiver;
};

// ---------------------------------------------------------------------------------------------
// Worker processes

type WorkerResult = { processed: number; batches: number; cpuS: number };
type RunningWorker = { child: ChildProcess; ready: Promise<void>; done: Promise<WorkerResult>; exited: Promise<void> };

const startWorker = (databaseUrl: string, appSecret: string): RunningWorker => {
  const child = fork(path.join(ROOT, "scripts/bench/deliveries-worker.ts"), [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_SECRET: appSecret, BENCH_BATCH_SIZE: String(BATCH_SIZE), BENCH_LOOPS: String(LOOPS), BENCH_POOL: String(POOL), LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  cleanups.push({
    name: `stop worker ${child.pid}`,
    run: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  });
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  let settle: { resolve: (result: WorkerResult) => void; reject: (error: Error) => void } | null = null;
  const done = new Promise<WorkerResult>((resolve, reject) => (settle = { resolve, reject }));
  child.on("message", (message: WorkerMessage) => {
    if (message.type === "ready") onReady();
    else if (message.type === "done") settle?.resolve({ processed: message.processed, batches: message.batches, cpuS: message.cpuS });
    else if (message.type === "failed") settle?.reject(new Error(`worker ${child.pid} failed: ${message.error}`));
  });
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      settle?.reject(new Error(`worker ${child.pid} exited (${code ?? signal})${code === 0 ? "" : " without finishing"}`));
      resolve();
    }),
  );
  // Whoever fails first decides; the others are stopped by the clean-up.
  done.catch(() => undefined);
  return { child, ready, done, exited };
};

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms).unref())]);

type RunResult = {
  workers: number;
  cpu: { workersS: number; databaseS: number | null; receiverS: number };
  // The 1-minute load average when the run ended: how much else wanted the CPUs meanwhile.
  loadAverage: number;
  seconds: number;
  perSecond: number;
  processed: number;
  requests: number;
  distinctIds: number;
  duplicates: number;
  badSignatures: number;
  db: DbCheck;
  ok: boolean;
};

const run = async (workers: number, databaseUrl: string, databaseName: string, appSecret: string, receiver: Receiver, client: pg.Client): Promise<RunResult> => {
  await resetDeliveries(client);
  receiver.tally = newTally();
  const started = Array.from({ length: workers }, () => startWorker(databaseUrl, appSecret));
  await withTimeout(Promise.all(started.map((worker) => worker.ready)), 60_000, "starting the workers");
  const cpuBefore = sampleCpu(-1, databaseName);
  const receiverCpuBefore = process.cpuUsage();
  const t0 = performance.now();
  for (const worker of started) worker.child.send({ type: "go" });
  const results = await withTimeout(Promise.all(started.map((worker) => worker.done)), RUN_TIMEOUT_MS, `the run with ${workers} worker(s)`);
  const seconds = (performance.now() - t0) / 1000;
  const receiverCpu = process.cpuUsage(receiverCpuBefore);
  // Read while the workers still hold their connections: a backend's CPU time leaves with it.
  const database = cpuBetween(cpuBefore, sampleCpu(-1, databaseName));
  for (const worker of started) worker.child.send({ type: "exit" });
  await withTimeout(Promise.all(started.map((worker) => worker.exited)), 30_000, "stopping the workers");
  const cpu = {
    workersS: results.reduce((sum, result) => sum + result.cpuS, 0),
    databaseS: database?.databaseS ?? null,
    receiverS: (receiverCpu.user + receiverCpu.system) / 1e6,
  };
  const tally = receiver.tally;
  const duplicates = [...tally.byWebhookId.values()].reduce((sum, count) => sum + (count - 1), 0);
  const db = await checkDatabase(client);
  const processed = results.reduce((sum, result) => sum + result.processed, 0);
  const ok =
    tally.requests === DELIVERIES &&
    tally.byWebhookId.size === DELIVERIES &&
    duplicates === 0 &&
    tally.missingId === 0 &&
    tally.badSignatures === 0 &&
    db.succeeded === DELIVERIES &&
    db.other === 0 &&
    db.deliveriesWithOneAttempt === DELIVERIES &&
    db.attempts === DELIVERIES;
  return {
    workers,
    cpu,
    loadAverage: loadavg()[0] ?? 0,
    seconds,
    perSecond: DELIVERIES / seconds,
    processed,
    requests: tally.requests,
    distinctIds: tally.byWebhookId.size,
    duplicates,
    badSignatures: tally.badSignatures + tally.missingId,
    db,
    ok,
  };
};

// On a shared machine the wall-clock rate says as much about the neighbours as about the engine;
// CPU time per delivery does not, and bounds what this machine could do on its own.
const describeCpu = (result: RunResult): string => {
  const perDeliveryMs = (seconds: number) => (seconds * 1000) / DELIVERIES;
  const { workersS, databaseS, receiverS } = result.cpu;
  const totalS = workersS + (databaseS ?? 0) + receiverS;
  const cores = availableParallelism();
  const busy = totalS / result.seconds;
  return (
    `CPU per delivery: workers ${perDeliveryMs(workersS).toFixed(2)} ms, PostgreSQL ${databaseS === null ? "n/a" : `${perDeliveryMs(databaseS).toFixed(2)} ms`}, ` +
    `receiver ${perDeliveryMs(receiverS).toFixed(2)} ms; the run kept ${busy.toFixed(2)} of ${cores} cores busy, ` +
    `so ${cores} idle cores would allow about ${((cores * DELIVERIES) / totalS).toFixed(0)} deliveries/s`
  );
};

// ---------------------------------------------------------------------------------------------

const main = async () => {
  console.log(`Delivery bench: ${DELIVERIES} deliveries, worker processes ${WORKER_COUNTS.join(", ")} (batch ${BATCH_SIZE}, ${LOOPS} claim loops and ${POOL} connections per process).`);
  const { url: databaseUrl, name: databaseName } = await createBenchDatabase();
  await runMigrations(databaseUrl);
  const appSecret = randomBytes(32).toString("hex");
  let webhookSecret: string | null = null;
  const receiver = await startReceiver(() => webhookSecret);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push({ name: "close the bench connection", run: () => client.end() });
  webhookSecret = await seed(client, appSecret, receiver.url);
  console.log(`Receiver: ${receiver.url}; ${DELIVERIES} pending instance.renewed deliveries inserted.\n`);

  const results: RunResult[] = [];
  for (const workers of WORKER_COUNTS) {
    const result = await run(workers, databaseUrl, databaseName, appSecret, receiver, client);
    results.push(result);
    console.log(
      `${workers} worker process${workers === 1 ? "" : "es"}: ${result.perSecond.toFixed(0)} deliveries/s ` +
        `(${result.seconds.toFixed(2)} s; received ${result.requests}, distinct webhook-ids ${result.distinctIds}, duplicates ${result.duplicates}, ` +
        `bad signatures ${result.badSignatures}; rows succeeded ${result.db.succeeded}, attempts ${result.db.attempts}) ${result.ok ? "OK" : "FAILED"}`,
    );
    for (const repeat of result.db.repeats) console.log(`  attempted more than once: ${repeat}`);
    console.log(`  ${describeCpu(result)}`);
  }

  console.log(`\n| Worker processes | Deliveries/s | Seconds | Arrived once | Duplicates | CPU ms/delivery (workers + PostgreSQL + receiver) | Load average at the end |`);
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const result of results) {
    const cpuMs = ((result.cpu.workersS + (result.cpu.databaseS ?? 0) + result.cpu.receiverS) * 1000) / DELIVERIES;
    console.log(
      `| ${result.workers} | ${result.perSecond.toFixed(0)} | ${result.seconds.toFixed(2)} | ${result.distinctIds}/${DELIVERIES} | ${result.duplicates} | ${cpuMs.toFixed(2)} | ${result.loadAverage.toFixed(1)} |`,
    );
  }
  const withFour = results.find((result) => result.workers === 4);
  if (withFour) {
    console.log(`\nAim: ≥ ${AIM_PER_SECOND_WITH_4} deliveries/s with 4 workers — ${withFour.perSecond >= AIM_PER_SECOND_WITH_4 ? "met" : "not met"} (${withFour.perSecond.toFixed(0)}/s).`);
  }
  return results.every((result) => result.ok) ? 0 : 1;
};

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanUp();
    process.exit(1);
  });
