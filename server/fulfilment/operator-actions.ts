import { CANCELLABLE_STATUSES, isIn, RERUNNABLE_STATUSES, RESOLVABLE_STATUSES } from "@/domain/fulfilment/delivery-actions";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { completeInstanceProvisioning, type ProvisioningOutcome } from "@/server/gateway/complete-instance-provisioning";

export const MAX_BULK = 100;

const assertBulk = (ids: string[]) => {
  if (ids.length === 0) throw new AppError("BAD_REQUEST", "Select at least one message.", { messageKey: "messages.noneSelected" });
  if (ids.length > MAX_BULK) throw new AppError("BAD_REQUEST", `At most ${MAX_BULK} messages at a time.`, { messageKey: "messages.tooMany" });
};

export type BulkResult = { changed: string[]; skipped: { id: string; reason: string }[] };

// 重新启动, for one message or a selection: the delivery goes back to the queue now, and the
// retry schedule starts over. A failed new purchase puts its instance back to provisioning.
export const rerunDeliveries = async (ids: string[], actor: AuditActor, ipAddress: string | null, deps: Deps): Promise<BulkResult> => {
  assertBulk(ids);
  const now = deps.now();
  const rows = await deps.db.delivery.findMany({ where: { id: { in: ids } } });
  const rerunnable = rows.filter((row) => isIn(RERUNNABLE_STATUSES, row.status) && row.adapter === "webhook");
  const skipped = [
    ...ids.filter((id) => !rows.some((row) => row.id === id)).map((id) => ({ id, reason: "not found" })),
    ...rows.filter((row) => !rerunnable.includes(row)).map((row) => ({ id: row.id, reason: row.adapter === "manual" ? "manual deliveries are completed by an operator" : `it is ${row.status}` })),
  ];
  if (rerunnable.length) {
    const changedIds = rerunnable.map((row) => row.id);
    await deps.db.$transaction([
      deps.db.delivery.updateMany({
        where: { id: { in: changedIds }, status: { not: "processing" } },
        data: { status: "pending", nextAttemptAt: now, roundAttempts: 0, completedAt: null, resolutionComment: null, resolvedBy: null, alertedState: null, updatedAt: now },
      }),
      deps.db.instance.updateMany({
        where: {
          status: "failed",
          instanceId: { in: rerunnable.filter((row) => row.eventType === "instance.created" && row.instanceId).map((row) => row.instanceId!) },
        },
        data: { status: "provisioning", updatedAt: now },
      }),
    ]);
    await recordAuditEvent(deps.db, { actor, action: "delivery.rerun", targetType: "delivery", ipAddress, details: { ids: changedIds } }, now);
  }
  return { changed: rerunnable.map((row) => row.id), skipped };
};

const finishByOperator = async (
  ids: string[],
  status: "cancelled" | "resolved",
  allowed: readonly string[],
  comment: string | null,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<BulkResult> => {
  assertBulk(ids);
  const now = deps.now();
  const rows = await deps.db.delivery.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  const ok = rows.filter((row) => allowed.includes(row.status)).map((row) => row.id);
  const skipped = ids.filter((id) => !ok.includes(id)).map((id) => ({ id, reason: `it is ${rows.find((row) => row.id === id)?.status ?? "not found"}` }));
  if (ok.length) {
    const data: Prisma.DeliveryUpdateManyMutationInput = { status, completedAt: now, resolutionComment: comment, resolvedBy: actor.email, updatedAt: now };
    await deps.db.delivery.updateMany({ where: { id: { in: ok }, status: { in: [...allowed] } }, data });
    await recordAuditEvent(deps.db, { actor, action: `delivery.${status}`, targetType: "delivery", ipAddress, details: { ids: ok, comment } }, now);
  }
  return { changed: ok, skipped };
};

export const cancelDeliveries = (ids: string[], actor: AuditActor, ipAddress: string | null, deps: Deps) =>
  finishByOperator(ids, "cancelled", CANCELLABLE_STATUSES, null, actor, ipAddress, deps);

export const resolveDeliveries = (ids: string[], comment: string, actor: AuditActor, ipAddress: string | null, deps: Deps) =>
  finishByOperator(ids, "resolved", RESOLVABLE_STATUSES, comment, actor, ipAddress, deps);

// Human-in-the-loop activation: for a manual product the operator creates the tenant and types
// in what the buyer needs; other manual events are simply marked done.
export const completeManualDelivery = async (
  id: string,
  outcome: ProvisioningOutcome | null,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<void> => {
  const delivery = await deps.db.delivery.findUnique({ where: { id } });
  if (!delivery) throw new AppError("NOT_FOUND", "No such message.", { messageKey: "messages.notFound" });
  if (delivery.status !== "awaiting_operator") {
    throw new AppError("CONFLICT", `This message is ${delivery.status}, not waiting for an operator.`, { messageKey: "messages.notAwaiting" });
  }
  if (delivery.eventType === "instance.created" && delivery.instanceId) {
    if (!outcome) throw new AppError("VALIDATION_FAILED", "Enter at least the front-end URL of the new tenant.", { issues: [{ path: "frontEndUrl", code: "instance.urlRequired", message: "frontEndUrl is required" }] });
    await completeInstanceProvisioning(delivery.instanceId, outcome, deps);
  }
  const now = deps.now();
  await deps.db.delivery.updateMany({
    where: { id, status: "awaiting_operator" },
    data: { status: "succeeded", completedAt: now, resolvedBy: actor.email, updatedAt: now },
  });
  // Which delivery, never the credentials typed in.
  await recordAuditEvent(deps.db, { actor, action: "delivery.completed_manually", targetType: "delivery", targetId: id, ipAddress, details: { eventType: delivery.eventType, instanceId: delivery.instanceId } }, now);
};
