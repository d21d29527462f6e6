import { readMigrationStatus } from "@/server/database/migration-status";
import type { Deps } from "@/server/deps";

export type Readiness = { ready: boolean; database: "ok" | "unreachable"; migrations: "current" | "pending" | "unknown" };

export const checkReadiness = async (deps: Pick<Deps, "db">): Promise<Readiness> => {
  try {
    await deps.db.$queryRawUnsafe("SELECT 1");
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown" };
  }
  const status = await readMigrationStatus((sql) => deps.db.$queryRawUnsafe<{ version: string }[]>(sql));
  const migrations = status.pending.length ? "pending" : "current";
  return { ready: migrations === "current", database: "ok", migrations };
};
