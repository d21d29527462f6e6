import { Prisma } from "@/generated/prisma/client";
import type { RefetchResult } from "@/lib/contracts/orders";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { fetchAndStoreOrder } from "@/server/orders/run-order-fetches";

/**
 * The operator's "re-fetch from marketplace": fetched now, in the request, so the page shows the
 * answer at once; recorded in the order's fetch history like a background fetch.
 */
export const refetchOrder = async (
  orderId: string,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
  options: { fetchImpl?: typeof fetch } = {},
): Promise<RefetchResult> => {
  const known = await deps.db.order.findUnique({ where: { orderId }, select: { orderId: true } });
  if (!known) throw new AppError("NOT_FOUND", `Order ${orderId} is not in the console.`, { messageKey: "orders.notFound" });
  const startedAt = deps.now();
  const { outcome, differences } = await fetchAndStoreOrder({ orderId, orderLineId: null }, deps, options);
  const now = deps.now();
  await deps.db.orderFetch.create({
    data: {
      orderId,
      reason: "manual",
      status: outcome.ok ? "succeeded" : "failed",
      attempts: 1,
      resultCode: outcome.resultCode,
      lastError: outcome.ok ? null : outcome.error.slice(0, 2000),
      differences: differences.length ? (differences as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      requestedBy: actor.email,
      nextAttemptAt: startedAt,
      createdAt: startedAt,
      updatedAt: now,
      completedAt: now,
    },
  });
  await recordAuditEvent(
    deps.db,
    { actor, action: "order.refetched", targetType: "order", targetId: orderId, ipAddress, details: { ok: outcome.ok, differences: differences.length } },
    now,
  );
  return { ok: outcome.ok, error: outcome.ok ? null : outcome.error, resultCode: outcome.resultCode, differences };
};
