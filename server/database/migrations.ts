import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import pg from "pg";
import { MIGRATIONS_DIR } from "@/server/database/migration-status";

const execFileAsync = promisify(execFile);

// dbmate ships its Go binary as one npm package per platform. The registry these machines use
// serves only the linux-x64 one, so that is the optional dependency; elsewhere install dbmate
// (e.g. `brew install dbmate`) and point DBMATE_BIN at it, or have it on PATH.
const dbmateBinary = (): string => {
  if (process.env.DBMATE_BIN) return process.env.DBMATE_BIN;
  try {
    return createRequire(import.meta.url).resolve(`@dbmate/${process.platform}-${process.arch}/bin/dbmate`);
  } catch {
    return "dbmate";
  }
};

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 724_011_2026;

// dbmate applies the SQL files. Several app processes may start at once against one server,
// so they queue on an advisory lock and each finds the others' work already done.
export const runMigrations = async (databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    const { stdout } = await execFileAsync(
      dbmateBinary(),
      ["--migrations-dir", dir, "--no-dump-schema", "--wait", "--wait-timeout", "30s", "up"],
      { env: { ...process.env, DATABASE_URL: withSslModeDisabledForLoopback(databaseUrl) } },
    );
    return stdout;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
};

// dbmate (Go's lib/pq) defaults to sslmode=require; a loopback server (the embedded one, CI's)
// speaks no TLS, while a remote server keeps whatever the URL says.
const withSslModeDisabledForLoopback = (databaseUrl: string): string => {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslmode") && ["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    url.searchParams.set("sslmode", "disable");
  }
  return url.toString();
};
