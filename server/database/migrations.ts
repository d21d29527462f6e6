import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { resolveBinary } from "dbmate";
import pg from "pg";

const execFileAsync = promisify(execFile);

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 724_011_2026;

export const listMigrationVersions = async (dir = MIGRATIONS_DIR): Promise<string[]> =>
  (await readdir(dir))
    .filter((name) => /^\d+_.+\.sql$/.test(name))
    .map((name) => name.split("_")[0]!)
    .sort();

// dbmate applies the SQL files. Several app processes may start at once against one server,
// so they queue on an advisory lock and each finds the others' work already done.
export const runMigrations = async (databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    const { stdout } = await execFileAsync(
      resolveBinary(),
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

export type MigrationStatus = { applied: string[]; pending: string[]; unknown: string[] };

export const readMigrationStatus = async (
  query: (sql: string) => Promise<{ version: string }[]>,
  dir = MIGRATIONS_DIR,
): Promise<MigrationStatus> => {
  const files = await listMigrationVersions(dir);
  let applied: string[] = [];
  try {
    applied = (await query("SELECT version FROM schema_migrations ORDER BY version")).map((row) => row.version);
  } catch {
    applied = [];
  }
  const appliedSet = new Set(applied);
  const fileSet = new Set(files);
  return {
    applied,
    pending: files.filter((version) => !appliedSet.has(version)),
    unknown: applied.filter((version) => !fileSet.has(version)),
  };
};
