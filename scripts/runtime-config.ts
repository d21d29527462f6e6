import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export type RuntimeConfig = {
  embedded: boolean;
  dataDir: string;
  port: number;
  hostname: string;
  workerInApp: boolean;
  close: () => Promise<void>;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// One process owns an embedded data folder: PGlite is single-user and two writers would corrupt
// it. A lock left by a killed process (its pid is gone) is taken over.
const lockDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  const lockFile = path.join(dataDir, "console.pid");
  if (existsSync(lockFile)) {
    const pid = Number((await readFile(lockFile, "utf8")).trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The data folder ${dataDir} is in use by process ${pid}. Stop it first, or set DATA_DIR to another folder.`);
    }
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
};

// The embedded default keeps its own APP_SECRET next to its data, so secrets stay readable across
// restarts; a shared server must be given one (every process needs the same).
const appSecretFor = (dataDir: string): string => {
  const file = path.join(dataDir, "app-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

export const loadRuntimeConfig = async (): Promise<RuntimeConfig> => {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const hostname = process.env.HOST ?? "0.0.0.0";
  const workerInApp = (process.env.WORKER_IN_APP ?? "true") !== "false";
  const closers: (() => Promise<void>)[] = [];

  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    await mkdir(dataDir, { recursive: true });
    closers.unshift(await lockDataDir(dataDir));
    const { startEmbeddedDatabase } = await import("@/server/database/embedded-database");
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite"), port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
    closers.unshift(database.stop);
    process.env.DATABASE_URL = database.url;
    // Tells the app (e.g. whether the simulator is on by default) that the database is the embedded one.
    process.env.EMBEDDED_DATABASE = "true";
    process.env.APP_SECRET ??= appSecretFor(dataDir);
  } else if (!process.env.APP_SECRET) {
    throw new Error("APP_SECRET is required with DATABASE_URL: every app and worker process must share it (e.g. `openssl rand -hex 32`).");
  }

  const { runMigrations } = await import("@/server/database/migrations");
  await runMigrations(process.env.DATABASE_URL!);

  return {
    embedded,
    dataDir,
    port,
    hostname,
    workerInApp,
    close: async () => {
      for (const close of closers) await close().catch(() => undefined);
    },
  };
};
