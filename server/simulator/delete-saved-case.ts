import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Removes a saved debugging case, so the dial test stops replaying it (as deleting a case under
// 调试用例管理 does). Audited, since it changes what the dial test checks.
export const deleteSavedCase = async (
  caseId: string,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ deleted: { productKey: string; caseKey: string; targetUrl: string } }> => {
  const now = deps.now();
  const row = await deps.db.simulatorSavedCase.findUnique({ where: { id: caseId } });
  const notFound = () => new AppError("NOT_FOUND", "no such saved case", { messageKey: "simulator.errors.unknownSavedCase" });
  if (!row) throw notFound();
  const deleted = await deps.db.$transaction(async (tx) => {
    // Two operators deleting at once: only the one that removed the row records it.
    const { count } = await tx.simulatorSavedCase.deleteMany({ where: { id: caseId } });
    if (count === 0) return false;
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "simulator.saved_case_deleted",
        targetType: "simulator_saved_case",
        targetId: `${row.productKey}/${row.caseKey}`,
        ipAddress: actor.ipAddress ?? null,
        details: { targetUrl: row.targetUrl, savedAt: row.savedAt.toISOString() },
      },
      now,
    );
    return true;
  });
  if (!deleted) throw notFound();
  return { deleted: { productKey: row.productKey, caseKey: row.caseKey, targetUrl: row.targetUrl } };
};
