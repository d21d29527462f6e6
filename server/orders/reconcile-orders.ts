import { randomUUID } from "node:crypto";
import { Prisma, type ReconciliationRun } from "@/generated/prisma/client";
import type { OrderDifference, ReconciliationDto, ReconciliationSummaryDto } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// A week covers refunds (5-day no-reason refunds) and renewals made since the last run, at a
// cost the marketplace's rate limits tolerate.
export const RECONCILIATION_WINDOW_DAYS = 7;

const beijingDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Queues a re-fetch of every real (non-test) order placed in the window; the worker compares each
 * answer with what the console held and records the differences on the fetch. Test traffic is
 * left out: the marketplace's debugging orders are not all queryable.
 * Returns null when the daily run of that day has already been started by another process.
 */
export const startReconciliation = async (
  input: { trigger: "daily" | "manual"; startedBy: string | null; windowDays?: number },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ id: string; ordersTotal: number } | null> => {
  const now = deps.now();
  const windowFrom = new Date(now.getTime() - (input.windowDays ?? RECONCILIATION_WINDOW_DAYS) * 86_400_000);
  const id = randomUUID();
  const runKey = input.trigger === "daily" ? `daily:${beijingDay(now)}` : null;
  return deps.db.$transaction(async (tx) => {
    const created = await tx.reconciliationRun.createMany({
      data: [{ id, trigger: input.trigger, runKey, windowFrom, windowTo: now, startedBy: input.startedBy, startedAt: now }],
      skipDuplicates: true,
    });
    if (created.count === 0) return null;
    const ordersTotal = await tx.$executeRaw`
      INSERT INTO order_fetches (order_id, reason, reconciliation_id, status, next_attempt_at, requested_by, created_at, updated_at)
      SELECT o.order_id, 'reconcile', ${id}::uuid, 'pending', ${now}, ${input.startedBy}, ${now}, ${now}
      FROM orders o
      WHERE o.ordered_at >= ${windowFrom} AND o.ordered_at <= ${now} AND NOT o.test_flag`;
    await tx.reconciliationRun.update({ where: { id }, data: { ordersTotal, finishedAt: ordersTotal === 0 ? now : null } });
    return { id, ordersTotal };
  });
};

export const listReconciliations = async (deps: Pick<Deps, "db">): Promise<ReconciliationSummaryDto[]> =>
  summarize(await deps.db.reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: 20 }), deps);

const summarize = async (runs: ReconciliationRun[], deps: Pick<Deps, "db">): Promise<ReconciliationSummaryDto[]> => {
  if (runs.length === 0) return [];
  const counts = await deps.db.$queryRaw<{ reconciliation_id: string; done: number; failed: number; differing: number }[]>`
    SELECT reconciliation_id::text,
           count(*) FILTER (WHERE status IN ('succeeded', 'failed'))::int AS done,
           count(*) FILTER (WHERE status = 'failed')::int AS failed,
           count(*) FILTER (WHERE differences IS NOT NULL)::int AS differing
    FROM order_fetches WHERE reconciliation_id = ANY(${runs.map((run) => run.id)}::uuid[])
    GROUP BY reconciliation_id`;
  const byRun = new Map(counts.map((row) => [row.reconciliation_id, row]));
  return runs.map((run) => ({
    id: run.id,
    trigger: run.trigger as "daily" | "manual",
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedBy: run.startedBy,
    windowFrom: run.windowFrom.toISOString(),
    windowTo: run.windowTo.toISOString(),
    ordersTotal: run.ordersTotal,
    ordersDone: byRun.get(run.id)?.done ?? 0,
    ordersFailed: byRun.get(run.id)?.failed ?? 0,
    ordersDiffering: byRun.get(run.id)?.differing ?? 0,
  }));
};

/** One run with every order that differed or could not be fetched. */
export const getReconciliation = async (id: string, deps: Pick<Deps, "db">): Promise<ReconciliationDto> => {
  const run = await deps.db.reconciliationRun.findUnique({ where: { id } });
  if (!run) throw new AppError("NOT_FOUND", "No such reconciliation.", { messageKey: "orders.reconciliationNotFound" });
  const [summary] = await summarize([run], deps);
  const rows = await deps.db.orderFetch.findMany({
    where: { reconciliationId: id, OR: [{ NOT: { differences: { equals: Prisma.DbNull } } }, { status: "failed" }] },
    orderBy: { id: "asc" },
    take: 1000,
  });
  return {
    ...summary!,
    findings: rows.map((row) => ({
      orderId: row.orderId,
      status: row.status,
      error: row.lastError,
      differences: (row.differences as OrderDifference[] | null) ?? [],
    })),
  };
};
