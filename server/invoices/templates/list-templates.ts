import type { InvoiceTemplateDto } from "@/lib/contracts/invoice-templates";
import type { Deps } from "@/server/deps";
import { toTemplateDto } from "@/server/invoices/templates/template-dto";

// Every template with its current version: the active one first, then the newest.
export const listTemplates = async (deps: Pick<Deps, "db">): Promise<{ templates: InvoiceTemplateDto[] }> => {
  const rows = await deps.db.invoiceTemplate.findMany({ orderBy: [{ updatedAt: "desc" }], include: { versions: true } });
  const templates = rows
    .map((row) => {
      const current = row.versions.find((version) => version.version === row.currentVersion);
      return current ? toTemplateDto(row, current) : null;
    })
    .filter((dto): dto is InvoiceTemplateDto => dto !== null)
    .sort((a, b) => Number(b.status === "active") - Number(a.status === "active"));
  return { templates };
};
