import { readdir } from "node:fs/promises";
import path from "node:path";

// Kept apart from the migration runner so that the app's readiness check never pulls the dbmate
// binary into the Next.js bundle.
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export const listMigrationVersions = async (dir = MIGRATIONS_DIR): Promise<string[]> =>
  (await readdir(dir))
    .filter((name) => /^\d+_.+\.sql$/.test(name))
    .map((name) => name.split("_")[0]!)
    .sort();

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
