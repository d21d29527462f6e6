import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { WorkerProcessMessage } from "@/test/support/worker-process";

export type WorkerProcess = {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  processed: () => number;
  output: () => string;
};

// Forks test/support/worker-process.ts (through tsx, as `npm run worker` runs) against `databaseUrl`.
export const startWorkerProcess = (input: { databaseUrl: string; appSecret: string; workerId: string; leaseMs: number; allowPrivateTargets: string }): WorkerProcess => {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = fork(path.join(root, "test/support/worker-process.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: input.databaseUrl,
      APP_SECRET: input.appSecret,
      WORKER_ID: input.workerId,
      LEASE_MS: String(input.leaseMs),
      FULFILMENT_ALLOW_PRIVATE_TARGETS: input.allowPrivateTargets,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  let processed = 0;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    child.on("message", (message: WorkerProcessMessage) => {
      if (message.type === "ready") resolve();
      else if (message.type === "processed") processed += message.count;
      else reject(new Error(`worker ${input.workerId} failed: ${message.error}`));
    });
    void exited.then(({ code, signal }) => reject(new Error(`worker ${input.workerId} exited (${code ?? signal}) before it was ready:\n${text}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited, processed: () => processed, output: () => text };
};

export const waitFor = async (what: string, condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
