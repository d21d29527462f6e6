import { randomUUID } from "node:crypto";
import type { SimulatorDialRun, SimulatorDialTest } from "@/generated/prisma/client";
import type { DebugCaseKey } from "@/lib/marketplace/koogallery/simulator";
import type { DialRunDto, DialTestDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { alertDialFailure } from "@/server/simulator/alert-dial-failure";
import { runDebugSuite } from "@/server/simulator/run-debug-suite";
import type { SimulatorRuntime } from "@/server/simulator/simulator-runtime";

/** 拨测 runs every morning and afternoon (§5): twice a day by default. */
export const DEFAULT_DIAL_INTERVAL_MINUTES = 720;
const HISTORY = 20;

const runDto = (run: SimulatorDialRun): DialRunDto => ({
  id: run.id,
  trigger: run.trigger,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  passed: run.passed,
  failed: run.failed,
  results: run.results as DialRunDto["results"],
  alert: run.alert,
});

const dialTestDto = (test: SimulatorDialTest & { runs: SimulatorDialRun[] }): DialTestDto => ({
  id: test.id,
  targetUrl: test.targetUrl,
  intervalMinutes: test.intervalMinutes,
  enabled: test.enabled,
  nextRunAt: test.nextRunAt.toISOString(),
  lastRunAt: test.lastRunAt?.toISOString() ?? null,
  consecutiveFailedRuns: test.consecutiveFailedRuns,
  runs: test.runs.map(runDto),
});

export const listDialTests = async (deps: Pick<Deps, "db">): Promise<{ dialTests: DialTestDto[] }> => {
  const tests = await deps.db.simulatorDialTest.findMany({
    orderBy: { createdAt: "asc" },
    include: { runs: { orderBy: { startedAt: "desc" }, take: HISTORY } },
  });
  return { dialTests: tests.map(dialTestDto) };
};

export const saveDialTest = async (
  input: { targetUrl: string; intervalMinutes: number; enabled: boolean },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ dialTestId: string }> => {
  const now = deps.now();
  const nextRunAt = new Date(now.getTime() + input.intervalMinutes * 60_000);
  const row = await deps.db.simulatorDialTest.upsert({
    where: { targetUrl: input.targetUrl },
    create: { id: randomUUID(), ...input, nextRunAt, createdAt: now, updatedAt: now },
    update: { intervalMinutes: input.intervalMinutes, enabled: input.enabled, nextRunAt, updatedAt: now },
  });
  return { dialTestId: row.id };
};

// Replays the saved cases of one target and keeps the run; a failed case raises an alert through
// the console's alert channels (and stays on the Simulator page until a run passes again).
export const runDialTest = async (
  input: { dialTestId: string; trigger: "schedule" | "manual" },
  runtime: SimulatorRuntime,
): Promise<DialRunDto> => {
  const { db, now } = runtime.deps;
  const test = await db.simulatorDialTest.findUnique({ where: { id: input.dialTestId } });
  if (!test) throw new AppError("NOT_FOUND", "no such dial test", { messageKey: "simulator.errors.unknownDialTest" });
  const saved = await db.simulatorSavedCase.findMany({ where: { targetUrl: test.targetUrl } });
  const onlyKeys = new Map<string, DebugCaseKey[]>();
  for (const row of saved) onlyKeys.set(row.productKey, [...(onlyKeys.get(row.productKey) ?? []), row.caseKey as DebugCaseKey]);
  const runId = randomUUID();
  const startedAt = now();
  await db.simulatorDialRun.create({ data: { id: runId, dialTestId: test.id, trigger: input.trigger, startedAt } });
  const summary = await runDebugSuite(
    { productKeys: [...onlyKeys.keys()], targetUrl: test.targetUrl, save: false, purpose: "dial", dialRunId: runId, onlyKeys },
    runtime,
  );
  const results = summary.results.map((r) => ({ productKey: r.productKey, caseKey: r.caseKey, activity: r.activity, verdict: r.verdict, error: r.error }));
  const failed = summary.failed + summary.skipped;
  const updatedTest = await db.simulatorDialTest.update({
    where: { id: test.id },
    data: { lastRunAt: startedAt, consecutiveFailedRuns: failed > 0 ? { increment: 1 } : 0, updatedAt: now() },
  });
  let alert: string | null = null;
  if (failed > 0) {
    logger.warn({ dialTestId: test.id, targetUrl: test.targetUrl, failed, cases: results.filter((r) => r.verdict === "fail").slice(0, 20) }, "simulator dial test: cases failed");
    alert = await alertDialFailure(
      {
        targetUrl: test.targetUrl,
        failures: results.filter((r) => r.verdict !== "pass"),
        passed: summary.passed,
        consecutiveFailedRuns: updatedTest.consecutiveFailedRuns,
        startedAt,
      },
      runtime.deps,
    );
  }
  const run = await db.simulatorDialRun.update({
    where: { id: runId },
    data: { finishedAt: now(), passed: summary.passed, failed, results, alert },
  });
  return runDto(run);
};
