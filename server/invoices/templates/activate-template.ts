import { Prisma } from "@/generated/prisma/client";
import { canActivate, type TemplateStatus } from "@/domain/invoices/templates/invoice-template";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// One active template at a time (one valid template per account, §3b). Activation locks every
// template row, so two activations run one after the other and the second retires the first; the
// unique active_slot index backs this up in the database itself.
export const activateTemplate = async (
  templateId: string,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ id: string; retired: string[] }> => {
  const now = deps.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id::text AS id, status FROM invoice_templates ORDER BY id FOR UPDATE`;
      const target = rows.find((row) => row.id === templateId);
      if (!target) throw new AppError("NOT_FOUND", "No such invoice template.", { messageKey: "invoiceTemplates.notFound" });
      if (!canActivate(target.status as TemplateStatus)) return { id: templateId, retired: [] };
      const retired = rows.filter((row) => row.status === "active").map((row) => row.id);
      if (retired.length) {
        await tx.invoiceTemplate.updateMany({ where: { id: { in: retired } }, data: { status: "retired", activeSlot: null, retiredAt: now, updatedAt: now } });
      }
      await tx.invoiceTemplate.update({
        where: { id: templateId },
        data: { status: "active", activeSlot: true, activatedAt: now, activatedBy: actor.email, retiredAt: null, updatedAt: now },
      });
      await recordAuditEvent(
        tx,
        { actor, action: "invoice_templates.activated", targetType: "invoice_template", targetId: templateId, ipAddress: actor.ipAddress, details: { retired } },
        now,
      );
      return { id: templateId, retired };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Another template was activated at the same moment; reload and try again.", { messageKey: "invoiceTemplates.concurrentActivation" });
    }
    throw error;
  }
};
