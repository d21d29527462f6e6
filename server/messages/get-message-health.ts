import { summariseOrders } from "@/server/messages/message-log";
import type { Reader } from "@/server/messages/read-snapshot";

export type MessageHealth = {
  failingNow: number;
  deadLetters: number;
  oldestPending: { id: string; createdAt: string } | null;
  // null when nothing was attempted or answered in the window.
  successRate24h: { deliveries: { succeeded: number; total: number }; callbacks: { succeeded: number; total: number } };
  atRisk: { orders: number; soonestDeadline: string | null };
};

// The dashboard's view of the message log: what is failing, stuck or about to be refunded. Runs
// inside the caller's snapshot (see read-snapshot.ts).
export const getMessageHealth = async (deps: { db: Reader; now: () => Date }): Promise<MessageHealth> => {
  const since = new Date(deps.now().getTime() - 86_400_000);
  // One after the other: they share the caller's single transaction connection.
  const failingNow = await deps.db.delivery.count({ where: { status: "pending", roundAttempts: { gt: 0 } } });
  const deadLetters = await deps.db.delivery.count({ where: { status: "dead" } });
  const oldest = await deps.db.delivery.findFirst({
    where: { status: { in: ["pending", "processing", "awaiting_operator"] } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    select: { id: true, createdAt: true },
  });
  // Attempts started in the window (indexed; an attempt lasts at most its 30 s timeout).
  const attempts = await deps.db.deliveryAttempt.groupBy({ by: ["outcome"], where: { startedAt: { gte: since } }, _count: { _all: true } });
  const callbacksTotal = await deps.db.inboundRequest.count({ where: { receivedAt: { gte: since }, state: { not: "received" } } });
  const callbacksOk = await deps.db.inboundRequest.count({ where: { receivedAt: { gte: since }, state: "answered", resultCode: { in: ["000000", "000004"] } } });
  const atRisk = await summariseOrders({ atRisk: true }, deps);
  // A "lost" attempt (its worker died) is a failure too; an attempt still in flight is not counted yet.
  const finished = attempts.filter((row) => row.outcome !== "in_flight");
  return {
    failingNow,
    deadLetters,
    oldestPending: oldest ? { id: oldest.id, createdAt: oldest.createdAt.toISOString() } : null,
    successRate24h: {
      deliveries: {
        succeeded: finished.find((row) => row.outcome === "succeeded")?._count._all ?? 0,
        total: finished.reduce((sum, row) => sum + row._count._all, 0),
      },
      callbacks: { succeeded: callbacksOk, total: callbacksTotal },
    },
    atRisk: { orders: atRisk.orders, soonestDeadline: atRisk.soonestDeadline?.toISOString() ?? null },
  };
};
