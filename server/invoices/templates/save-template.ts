import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { changedFields, normaliseTemplate } from "@/domain/invoices/templates/invoice-template";
import type { TemplateInput } from "@/lib/contracts/invoice-templates";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { assertValidTemplate, columnsOf, contentOf } from "@/server/invoices/templates/template-dto";

type Actor = AuditActor & { ipAddress?: string | null };

// A new template starts as a draft at version 1; finance activates it when Huawei should use it.
export const createTemplate = async (input: TemplateInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<{ id: string; version: number }> => {
  const content = normaliseTemplate(input);
  assertValidTemplate(content);
  const now = deps.now();
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    await tx.invoiceTemplate.create({ data: { id, status: "draft", currentVersion: 1, createdBy: actor.email, createdAt: now, updatedAt: now } });
    await tx.invoiceTemplateVersion.create({ data: { templateId: id, version: 1, ...columnsOf(content), changedFields: [], createdBy: actor.email, createdAt: now } });
    await recordAuditEvent(
      tx,
      { actor, action: "invoice_templates.created", targetType: "invoice_template", targetId: id, ipAddress: actor.ipAddress, details: { version: 1, titleType: content.titleType, invoiceKind: content.invoiceKind } },
      now,
    );
  });
  return { id, version: 1 };
};

// An edit never overwrites: it adds the next version and records which fields it changed. An edit
// that changes nothing adds nothing.
export const updateTemplate = async (
  templateId: string,
  input: TemplateInput,
  actor: Actor,
  deps: Pick<Deps, "db" | "now">,
): Promise<{ id: string; version: number; changedFields: string[] }> => {
  const content = normaliseTemplate(input);
  const now = deps.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ current_version: number }[]>`
        SELECT current_version FROM invoice_templates WHERE id = ${templateId}::uuid FOR UPDATE`;
      if (!row) throw new AppError("NOT_FOUND", "No such invoice template.", { messageKey: "invoiceTemplates.notFound" });
      const current = await tx.invoiceTemplateVersion.findUniqueOrThrow({ where: { templateId_version: { templateId, version: row.current_version } } });
      const before = contentOf(current);
      assertValidTemplate(content, before.invoiceKind);
      const changed = changedFields(before, content);
      if (changed.length === 0) return { id: templateId, version: row.current_version, changedFields: [] };
      const version = row.current_version + 1;
      await tx.invoiceTemplateVersion.create({ data: { templateId, version, ...columnsOf(content), changedFields: changed, createdBy: actor.email, createdAt: now } });
      await tx.invoiceTemplate.update({ where: { id: templateId }, data: { currentVersion: version, updatedAt: now } });
      await recordAuditEvent(
        tx,
        // Which fields changed, not their values: the audit log is readable by every role.
        { actor, action: "invoice_templates.updated", targetType: "invoice_template", targetId: templateId, ipAddress: actor.ipAddress, details: { version, changedFields: changed } },
        now,
      );
      return { id: templateId, version, changedFields: changed };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone else saved this template at the same moment; reload and try again.", { messageKey: "invoiceTemplates.concurrentEdit" });
    }
    throw error;
  }
};
