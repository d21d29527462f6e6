import type { InvoiceTemplateDetail, InvoiceTemplateDto } from "@/lib/contracts/invoice-templates";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { toTemplateDto, toVersionDto } from "@/server/invoices/templates/template-dto";

// A template with every version, newest first: who changed which fields, and when.
export const getTemplate = async (templateId: string, deps: Pick<Deps, "db">): Promise<InvoiceTemplateDetail> => {
  const row = await deps.db.invoiceTemplate.findUnique({ where: { id: templateId }, include: { versions: { orderBy: { version: "desc" } } } });
  const current = row?.versions.find((version) => version.version === row.currentVersion);
  if (!row || !current) throw new AppError("NOT_FOUND", "No such invoice template.", { messageKey: "invoiceTemplates.notFound" });
  return { ...toTemplateDto(row, current), versions: row.versions.map(toVersionDto) };
};

export const getActiveTemplate = async (deps: Pick<Deps, "db">): Promise<InvoiceTemplateDto | null> => {
  const row = await deps.db.invoiceTemplate.findFirst({ where: { status: "active" }, include: { versions: true } });
  const current = row?.versions.find((version) => version.version === row.currentVersion);
  return row && current ? toTemplateDto(row, current) : null;
};
