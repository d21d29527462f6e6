// `npm run bench:callbacks`: how fast the production build answers signed V2 `newInstance`
// callbacks on the real PostgreSQL, next to a route of the same app that never touches the
// database (issue 3, "Tests and figures"). The figures are reported, not asserted: the exit code
// is 0 whenever the run completed, 1 when the app could not be started or the run broke, 2 when
// the app answered something that is not JSON.
//
// Everything is local and bounded: a throwaway database, the app as a child process on loopback,
// a fixed-duration load; the child and the database are removed on every way out.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { computeV2Signature } from "@/lib/marketplace/koogallery";
import { cpuBetween, sampleCpu, type CpuUse } from "./process-cpu";

const ROOT = process.cwd();
const HOST = "127.0.0.1";
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = positiveInt("BENCH_DURATION_S", 20);
const CONNECTIONS = positiveInt("BENCH_CONNECTIONS", 32);
const WARMUP_S = positiveInt("BENCH_WARMUP_S", 2);
const READY_TIMEOUT_MS = 180_000;
const DUPLICATE_SHARE = 0.1;
const AIM_P99_MS = 50;
const AIM_RATIO = 0.4;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

class AppStartError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    console.error(`\n${signal}: stopping the app and dropping the bench database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Production build

// Directories whose content ends up in the Next.js bundle; tests and scripts do not.
const BUILD_INPUTS = ["app", "components", "config", "domain", "features", "generated", "i18n", "lib", "messages", "server", "proxy.ts", "next.config.js", "package.json"];

const newestSourceMtime = (entry: string): number => {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestSourceMtime(path.join(entry, child)));
  return newest;
};

// A build older than the code would measure yesterday's gateway (or 404 on a route it lacks), so a
// stale build is rebuilt too. BENCH_BUILD=never skips this (e.g. while another build is running).
const ensureProductionBuild = async () => {
  const mode = process.env.BENCH_BUILD ?? "auto";
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  let reason: string | null = null;
  if (mode === "always") reason = "BENCH_BUILD=always";
  else if (!existsSync(buildId)) reason = "no production build yet";
  else if (mode !== "never") {
    const builtAt = statSync(buildId).mtimeMs;
    const newest = Math.max(...BUILD_INPUTS.map((entry) => newestSourceMtime(path.join(ROOT, entry))));
    if (newest > builtAt) reason = "the sources changed since the last build";
  }
  if (!reason) {
    console.log("Production build: .next is current.");
    return;
  }
  console.log(`Production build: running \`npx next build\` (${reason})…`);
  // Not spawnSync: a blocked event loop would hold back the Ctrl-C handler until the build ends.
  const build = spawn("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: process.env });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => build.once("exit", (...result) => resolve(result)));
  if (code !== 0) throw new AppStartError(`next build failed (${code ?? signal})`);
};

// ---------------------------------------------------------------------------------------------
// Database

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const createBenchDatabase = async (): Promise<{ name: string; url: string }> => {
  const host = new URL(ADMIN_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to benchmark against a non-local database (${host}).`);
  }
  const name = `kgc_bench_${Date.now()}`;
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
  return { name, url: url.toString() };
};

// ---------------------------------------------------------------------------------------------
// The app, started the way production starts it

const freePort = async (): Promise<number> => {
  if (process.env.BENCH_PORT) return positiveInt("BENCH_PORT", 3200);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
};

type RunningApp = { baseUrl: string; output: LineBuffer; processGroup: number; alive: () => boolean };

// Keeps the app's output out of the figures but at hand when something goes wrong.
class LineBuffer {
  private lines: string[] = [];
  private partial = "";
  total = 0;
  constructor(private readonly keep = 200) {}
  push(chunk: Buffer) {
    const parts = (this.partial + chunk.toString("utf8")).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (!line.trim()) continue;
      this.total++;
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
    }
  }
  tail(count: number): string[] {
    return this.lines.slice(-count);
  }
}

const waitForExit = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const startApp = async (databaseUrl: string, keys: { basic: string; v1: string }): Promise<RunningApp> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Inherited marketplace keys would change which key verifies; the run sets its own.
  for (const name of Object.keys(env)) if (name.startsWith("KOOGALLERY_")) delete env[name];
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    APP_SECRET: randomBytes(32).toString("hex"),
    PORT: String(port),
    HOST,
    WORKER_IN_APP: "false",
    LOG_LEVEL: "warn",
    KOOGALLERY_BASIC_ACCESS_KEY: keys.basic,
    KOOGALLERY_V1_KEY: keys.v1,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  // BENCH_CPU_PROF=<dir>: the app runs as `node --cpu-prof --import tsx` (Node refuses --cpu-prof
  // in NODE_OPTIONS) and writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const cpuProfDir = process.env.BENCH_CPU_PROF;
  const command: [string, string[]] = cpuProfDir
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfDir)}`, "--import", "tsx", "scripts/start.ts"]]
    : ["npx", ["tsx", "scripts/start.ts"]];
  // Its own process group: npx → tsx → node is three processes, and a signal to the group
  // reaches all of them.
  const child = spawn(command[0], command[1], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output = new LineBuffer();
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  cleanups.push({
    name: "stop the app",
    run: async () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      signalGroup("SIGTERM");
      if (!(await waitForExit(child, 10_000))) {
        console.error("The app did not stop within 10 s of SIGTERM: sending SIGKILL.");
        signalGroup("SIGKILL");
        await waitForExit(child, 5_000);
      }
    },
  });

  const baseUrl = `http://${HOST}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  console.log(`App: starting \`npx tsx scripts/start.ts\` on ${baseUrl}…`);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AppStartError(`the app exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.tail(30).join("\n")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        console.log(`App: ready after ${Math.round((READY_TIMEOUT_MS - (deadline - Date.now())) / 1000)} s.`);
        return { baseUrl, output, processGroup: child.pid!, alive: () => child.exitCode === null && child.signalCode === null };
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new AppStartError(`GET /api/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${output.tail(30).join("\n")}`);
};

// ---------------------------------------------------------------------------------------------
// Load

type Tally = {
  answers: number;
  nonJson: number;
  resultCodes: Map<string, number>;
  failureSamples: Map<string, string>;
  missingBodySign: number;
  newOrders: number;
  duplicates: number;
  // A repeated order answered with a different instance id than its first answer.
  idempotencyBreaks: number;
};

const newTally = (): Tally => ({
  answers: 0,
  nonJson: 0,
  resultCodes: new Map(),
  failureSamples: new Map(),
  missingBodySign: 0,
  newOrders: 0,
  duplicates: 0,
  idempotencyBreaks: 0,
});

// Shared by warm-up and measured run, because both leave rows in the same database.
class OrderBook {
  private sequence = 0;
  private readonly prefix = `BENCH${Date.now().toString(36).toUpperCase()}`;
  /** orderId → instanceId of its first 000000 answer */
  readonly succeeded = new Map<string, string>();
  /** Order ids already answered, the pool duplicates are drawn from (as marketplace retries are). */
  readonly answered: string[] = [];
  readonly sentNew = new Set<string>();
  readonly answeredOtherwise = new Set<string>();

  nextOrderId(): string {
    this.sequence++;
    const id = `${this.prefix}${String(this.sequence).padStart(8, "0")}`;
    this.sentNew.add(id);
    return id;
  }
}

const headerValue = (headers: autocannon.ResponseHeaders, name: string): string | undefined => {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
};

const callbackRequest = (accessKey: string, book: OrderBook, tally: Tally): autocannon.RequestDefinition => ({
  method: "POST",
  path: "/api/koogallery",
  setupRequest(request, context) {
    const duplicate = book.answered.length > 0 && Math.random() < DUPLICATE_SHARE;
    const orderId = duplicate ? book.answered[Math.floor(Math.random() * book.answered.length)]! : book.nextOrderId();
    if (duplicate) tally.duplicates++;
    else tally.newOrders++;
    // Keys already ascending and compact, as the marketplace sends them.
    const body = JSON.stringify({ activity: "newInstance", businessId: randomUUID(), orderId, orderLineId: `${orderId}-000001`, testFlag: "1" });
    const timestamp = String(Date.now());
    const nonce = randomBytes(32).toString("hex");
    const signature = computeV2Signature({ accessKey, nonce, timestamp, body }).toUpperCase();
    // With one request definition and no pipelining, the context holds exactly the request in flight.
    context.orderId = orderId;
    return {
      ...request,
      method: "POST",
      path: `/api/koogallery?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
      headers: { ...request.headers, "content-type": "application/json" },
      body,
    };
  },
  onResponse(_status, body, context, headers) {
    tally.answers++;
    if (!headerValue(headers, "body-sign")) tally.missingBodySign++;
    let answer: { resultCode?: unknown; resultMsg?: unknown; instanceId?: unknown };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      tally.nonJson++;
      if (tally.failureSamples.size < 5) tally.failureSamples.set(`non-JSON`, body.slice(0, 200));
      return;
    }
    const code = typeof answer.resultCode === "string" ? answer.resultCode : "(no resultCode)";
    tally.resultCodes.set(code, (tally.resultCodes.get(code) ?? 0) + 1);
    const orderId = typeof context.orderId === "string" ? context.orderId : null;
    if (code !== "000000") {
      if (!tally.failureSamples.has(code)) tally.failureSamples.set(code, String(answer.resultMsg ?? body.slice(0, 200)));
      if (orderId) book.answeredOtherwise.add(orderId);
      return;
    }
    if (!orderId) return;
    const instanceId = String(answer.instanceId);
    const first = book.succeeded.get(orderId);
    if (first === undefined) {
      book.succeeded.set(orderId, instanceId);
      book.answered.push(orderId);
    } else if (first !== instanceId) tally.idempotencyBreaks++;
  },
});

const fixedRequest = (tally: Tally): autocannon.RequestDefinition => ({
  method: "GET",
  path: "/api/health",
  // Parsed like the callback answers, so both runs cost the load generator the same per answer.
  onResponse(_status, body) {
    tally.answers++;
    try {
      const answer = JSON.parse(body) as { status?: unknown };
      const code = answer.status === "ok" ? "ok" : `status=${String(answer.status)}`;
      tally.resultCodes.set(code, (tally.resultCodes.get(code) ?? 0) + 1);
    } catch {
      tally.nonJson++;
      if (tally.failureSamples.size < 5) tally.failureSamples.set("non-JSON", body.slice(0, 200));
    }
  },
});

const load = async (baseUrl: string, route: string, request: autocannon.RequestDefinition, durationS: number): Promise<autocannon.Result> =>
  autocannon({ url: `${baseUrl}${route}`, connections: CONNECTIONS, duration: durationS, pipelining: 1, timeout: 10, requests: [request] });

// ---------------------------------------------------------------------------------------------
// Database checks after the load

type DbFigures = {
  inboundRows: number;
  inboundUnanswered: number;
  serverLatencyP50: number | null;
  serverLatencyP99: number | null;
  instanceRows: number;
  instanceOrderIds: string[];
  ordersWithSeveralInstances: number;
};

const readDbFigures = async (databaseUrl: string): Promise<DbFigures> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Requests still in flight when the load stopped are finished by the app; wait for them so the
    // counts are final.
    const deadline = Date.now() + 10_000;
    let unanswered = 0;
    do {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM inbound_requests WHERE state <> 'answered'`);
      unanswered = Number(rows[0]?.n ?? 0);
      if (unanswered === 0) break;
      await sleep(250);
    } while (Date.now() < deadline);

    const inbound = await client.query<{ n: string; p50: number | null; p99: number | null }>(
      `SELECT count(*) AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
         FROM inbound_requests`,
    );
    const instances = await client.query<{ order_id: string }>(`SELECT order_id FROM instances`);
    const several = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT order_id, order_line_id FROM instances GROUP BY 1, 2 HAVING count(*) > 1) AS repeated`,
    );
    return {
      inboundRows: Number(inbound.rows[0]?.n ?? 0),
      inboundUnanswered: unanswered,
      serverLatencyP50: inbound.rows[0]?.p50 ?? null,
      serverLatencyP99: inbound.rows[0]?.p99 ?? null,
      instanceRows: instances.rows.length,
      instanceOrderIds: instances.rows.map((row) => row.order_id),
      ordersWithSeveralInstances: Number(several.rows[0]?.n ?? 0),
    };
  } finally {
    await client.end();
  }
};

// Committed and rolled-back transactions of the bench database: how many round trips that commit
// one callback costs. Busy backends publish their counters about once a second, so the value is
// read until it has stopped moving.
const settledTransactionCount = async (databaseName: string): Promise<number> => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const read = async () => {
      const { rows } = await admin.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`, [databaseName]);
      return Number(rows[0]?.n ?? 0);
    };
    let last = await read();
    let stableSince = Date.now();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && Date.now() - stableSince < 2_000) {
      await sleep(500);
      const current = await read();
      if (current !== last) {
        last = current;
        stableSince = Date.now();
      }
    }
    return last;
  } finally {
    await admin.end();
  }
};

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (value: number, digits = 0) => value.toFixed(digits);
const pad = (text: string, width: number, left = false) => (left ? text.padEnd(width) : text.padStart(width));
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

const printTable = (rows: { route: string; result: autocannon.Result; tally: Tally; successCodes: string[] }[]) => {
  const header = [pad("route", 30, true), pad("req/s", 9), pad("p50 ms", 8), pad("p99 ms", 8), pad("max ms", 8), pad("total", 8), pad("non-2xx", 8), pad("errors", 7), pad("timeouts", 9), pad("non-JSON", 9), pad("non-000000*", 12)];
  console.log(header.join(" "));
  console.log("-".repeat(header.join(" ").length));
  for (const { route, result, tally, successCodes } of rows) {
    const failed = [...tally.resultCodes].filter(([code]) => !successCodes.includes(code)).reduce((sum, [, n]) => sum + n, 0);
    console.log(
      [
        pad(route, 30, true),
        pad(fmt(result.requests.average, 1), 9),
        pad(fmt(result.latency.p50), 8),
        pad(fmt(result.latency.p99), 8),
        pad(fmt(result.latency.max), 8),
        pad(String(result.requests.total), 8),
        pad(String(result.non2xx), 8),
        pad(String(result.errors), 7),
        pad(String(result.timeouts), 9),
        pad(String(tally.nonJson), 9),
        pad(String(failed), 12),
      ].join(" "),
    );
  }
};

// ---------------------------------------------------------------------------------------------

const printCpu = (label: string, use: CpuUse | null, requests: number) => {
  if (!use || use.wallS <= 0) return;
  const part = (name: string, seconds: number) =>
    `${name} ${fmt((seconds / use.wallS) * 100)} % of a core (${requests > 0 ? fmt((seconds * 1000) / requests, 2) : "-"} ms/request)`;
  console.log(`  ${label.padEnd(10)} ${[part("app", use.appS), part("PostgreSQL", use.databaseS), part("load generator", use.generatorS)].join(", ")}`);
};

const main = async (): Promise<number> => {
  console.log(`Callback benchmark: ${CONNECTIONS} connections × ${DURATION_S} s per route (warm-up ${WARMUP_S} s each), ${Math.round(DUPLICATE_SHARE * 100)}% duplicate orders.`);
  await ensureProductionBuild();
  const database = await createBenchDatabase();
  const databaseUrl = database.url;
  const keys = { basic: `bench-basic-key-${randomBytes(12).toString("hex")}`, v1: `bench-v1-key-${randomBytes(12).toString("hex")}` };
  const app = await startApp(databaseUrl, keys);
  const logLinesAtStart = app.output.total;

  const book = new OrderBook();
  console.log("Warm-up…");
  const warmCallbacks = newTally();
  const warmFixed = newTally();
  await load(app.baseUrl, "/api/koogallery", callbackRequest(keys.basic, book, warmCallbacks), WARMUP_S);
  await load(app.baseUrl, "/api/health", fixedRequest(warmFixed), WARMUP_S);
  const transactionsBefore = await settledTransactionCount(database.name);

  console.log(`Measuring POST /api/koogallery for ${DURATION_S} s…`);
  const callbackTally = newTally();
  const cpuBeforeCallbacks = sampleCpu(app.processGroup, database.name);
  const callbacks = await load(app.baseUrl, "/api/koogallery", callbackRequest(keys.basic, book, callbackTally), DURATION_S);
  const callbackCpu = cpuBetween(cpuBeforeCallbacks, sampleCpu(app.processGroup, database.name));
  // Let the requests cut off at the end finish before the fixed route is measured.
  await sleep(1_000);
  console.log(`Measuring GET /api/health for ${DURATION_S} s…`);
  const fixedTally = newTally();
  const cpuBeforeFixed = sampleCpu(app.processGroup, database.name);
  const fixed = await load(app.baseUrl, "/api/health", fixedRequest(fixedTally), DURATION_S);
  const fixedCpu = cpuBetween(cpuBeforeFixed, sampleCpu(app.processGroup, database.name));

  if (!app.alive()) {
    throw new AppStartError(`the app exited during the load:\n${app.output.tail(30).join("\n")}`);
  }
  const db = await readDbFigures(databaseUrl);
  const transactions = (await settledTransactionCount(database.name)) - transactionsBefore;
  const callbacksProcessed = callbackTally.newOrders + callbackTally.duplicates;

  console.log("");
  printTable([
    { route: "POST /api/koogallery (V2 new)", result: callbacks, tally: callbackTally, successCodes: ["000000"] },
    { route: "GET /api/health (fixed JSON)", result: fixed, tally: fixedTally, successCodes: ["ok"] },
  ]);
  console.log(`* answers whose resultCode is not 000000 (fixed route: whose status is not "ok"); req/s is autocannon's per-second average, latencies are 2xx answers`);
  console.log("");

  const ratio = fixed.requests.average > 0 ? callbacks.requests.average / fixed.requests.average : 0;
  console.log(`callbacks/s ÷ fixed/s = ${fmt(callbacks.requests.average, 1)} ÷ ${fmt(fixed.requests.average, 1)} = ${fmt(ratio * 100, 1)} %`);
  console.log(`Aim: callback p99 < ${AIM_P99_MS} ms — measured ${fmt(callbacks.latency.p99)} ms: ${verdict(callbacks.latency.p99 < AIM_P99_MS)}`);
  console.log(`Aim: callbacks ≥ ${AIM_RATIO * 100} % of the fixed route — measured ${fmt(ratio * 100, 1)} %: ${verdict(ratio >= AIM_RATIO)}`);
  console.log("");

  const codes = [...callbackTally.resultCodes].map(([code, n]) => `${code} × ${n}`).join(", ") || "none";
  console.log(`Callback answers: ${callbackTally.answers} (${callbackTally.newOrders} new orders, ${callbackTally.duplicates} duplicates sent); result codes: ${codes}`);
  for (const [code, message] of callbackTally.failureSamples) console.log(`  e.g. ${code}: ${message}`);
  if (callbackTally.missingBodySign) console.log(`  ${callbackTally.missingBodySign} answers without a Body-Sign header`);
  console.log(`Duplicates answered with their first instance id: ${callbackTally.idempotencyBreaks === 0 ? "OK" : `FAIL (${callbackTally.idempotencyBreaks} different)`}`);
  if (fixedTally.nonJson || fixedTally.failureSamples.size) {
    for (const [code, message] of fixedTally.failureSamples) console.log(`Fixed route, e.g. ${code}: ${message}`);
  }
  console.log("");

  // Requests cut off when the load stopped still reach the database without their answer being
  // seen; they explain an instance without a 000000, nothing else does.
  const instanceOrders = new Set(db.instanceOrderIds);
  const missing = [...book.succeeded.keys()].filter((orderId) => !instanceOrders.has(orderId));
  const extras = [...instanceOrders].filter((orderId) => !book.succeeded.has(orderId));
  const unexplainedExtras = extras.filter((orderId) => !book.sentNew.has(orderId) || book.answeredOtherwise.has(orderId));
  const countsMatch = db.instanceRows === book.succeeded.size;
  const instancesOk = missing.length === 0 && unexplainedExtras.length === 0;
  const callbacksSent = warmCallbacks.newOrders + warmCallbacks.duplicates + callbackTally.newOrders + callbackTally.duplicates;
  console.log(`Database (warm-up included): inbound_requests ${db.inboundRows} rows for ${callbacksSent} callbacks sent, ${db.inboundUnanswered} not answered; instances ${db.instanceRows} rows`);
  if (db.serverLatencyP50 !== null && db.serverLatencyP99 !== null) {
    console.log(`Gateway's own latency_ms (stored with each request, warm-up included): p50 ${fmt(db.serverLatencyP50)} ms, p99 ${fmt(db.serverLatencyP99)} ms`);
  }
  console.log(
    `Check: instances (${db.instanceRows}) == distinct order ids answered 000000 (${book.succeeded.size}): ${
      countsMatch ? "OK" : instancesOk ? `OK (${extras.length} more from requests cut off when the load stopped)` : "FAIL"
    }`,
  );
  if (missing.length) console.log(`  ${missing.length} order ids answered 000000 have no instance, e.g. ${missing.slice(0, 3).join(", ")}`);
  if (unexplainedExtras.length) console.log(`  ${unexplainedExtras.length} instances for orders not answered 000000, e.g. ${unexplainedExtras.slice(0, 3).join(", ")}`);
  console.log(`Check: no order with more than one instance: ${db.ordersWithSeveralInstances === 0 ? "OK" : `FAIL (${db.ordersWithSeveralInstances} orders)`}`);

  console.log(`Database transactions per callback: ${callbacksProcessed > 0 ? fmt(transactions / callbacksProcessed, 1) : "-"} (${transactions} for ${callbacksProcessed} callbacks in the measured run)`);
  if (callbackCpu || fixedCpu) {
    console.log("CPU during the measured runs:");
    printCpu("callbacks", callbackCpu, callbacks.requests.total);
    printCpu("fixed", fixedCpu, fixed.requests.total);
  }

  const appLogLines = app.output.total - logLinesAtStart;
  if (appLogLines > 0) {
    console.log(`The app logged ${appLogLines} lines at warn or above during the load; the last ones:`);
    for (const line of app.output.tail(Math.min(5, appLogLines))) console.log(`  ${line.slice(0, 300)}`);
  }

  const nonJson = warmCallbacks.nonJson + warmFixed.nonJson + callbackTally.nonJson + fixedTally.nonJson;
  if (nonJson > 0) {
    console.log(`\n${nonJson} answers were not JSON: the marketplace would treat them as failures.`);
    return 2;
  }
  return 0;
};

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof AppStartError ? `The app failed: ${error.message}` : error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
