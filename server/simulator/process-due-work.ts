import type { Deps } from "@/server/deps";
import { attemptAgain } from "@/server/simulator/deliver-callback";
import { runDialTest } from "@/server/simulator/dial-tests";
import { isSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { createSimulatorRuntime, type SimulatorRuntime } from "@/server/simulator/simulator-runtime";

const BATCH = 20;
// A claimed row is pushed this far into the future; if its worker dies, another picks it up then.
const LEASE_MS = 5 * 60_000;

// FOR UPDATE SKIP LOCKED inside one UPDATE: concurrent workers each get different rows, and the
// lease moves the row out of "due" before the attempt starts.
export const claimDueCallbacks = async (deps: Pick<Deps, "db" | "now">, limit = BATCH): Promise<string[]> => {
  const now = deps.now();
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE simulator_callbacks SET next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM simulator_callbacks
      WHERE state IN ('retrying', 'polling') AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
};

export const claimDueDialTests = async (deps: Pick<Deps, "db" | "now">, limit = 5): Promise<string[]> => {
  const now = deps.now();
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE simulator_dial_tests SET next_run_at = ${now}::timestamptz + make_interval(mins => interval_minutes)
    WHERE id IN (
      SELECT id FROM simulator_dial_tests
      WHERE enabled AND next_run_at <= ${now}
      ORDER BY next_run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
};

/** The marketplace's retries and polls that have come due. */
export const processDueCallbacks = async (deps: Deps, runtime?: SimulatorRuntime): Promise<number> => {
  if (!runtime && !isSimulatorEnabled()) return 0;
  const ids = await claimDueCallbacks(deps);
  if (ids.length === 0) return 0;
  const rt = runtime ?? (await createSimulatorRuntime(deps));
  for (const id of ids) {
    const row = await deps.db.simulatorCallback.findUnique({ where: { id } });
    if (row && (row.state === "retrying" || row.state === "polling")) await attemptAgain(row, rt);
  }
  return ids.length;
};

export const processDueDialTests = async (deps: Deps, runtime?: SimulatorRuntime): Promise<number> => {
  if (!runtime && !isSimulatorEnabled()) return 0;
  const ids = await claimDueDialTests(deps);
  if (ids.length === 0) return 0;
  const rt = runtime ?? (await createSimulatorRuntime(deps));
  for (const id of ids) await runDialTest({ dialTestId: id, trigger: "schedule" }, rt);
  return ids.length;
};
