import { normaliseRate } from "@/domain/invoices/huawei/tax-split";
import type { RecordHuaweiInvoiceInput } from "@/lib/contracts/huawei-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { getHuaweiChecklist } from "./get-huawei-checklist";

// Records (or corrects) the invoice issued for one tax rate of the checklist, for the split amount.
export const recordHuaweiInvoice = async (
  billUuid: string,
  input: RecordHuaweiInvoiceInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  const detail = await getHuaweiChecklist(billUuid, deps);
  if (!detail.checklist || !detail.remark) {
    throw new AppError("CONFLICT", "Save the checklist (payment-request number and settlement period) first.", { messageKey: "huaweiInvoices.errors.checklistMissing" });
  }
  const rate = normaliseRate(input.taxRatePercent);
  const part = detail.split.find((candidate) => candidate.taxRatePercent === rate);
  if (!part) {
    throw new AppError("VALIDATION_FAILED", "The checklist has no invoice at this tax rate.", {
      messageKey: "huaweiInvoices.errors.rateNotInSplit",
      issues: [{ path: "taxRatePercent", code: "huaweiInvoices.errors.rateNotInSplit", message: "huaweiInvoices.errors.rateNotInSplit" }],
    });
  }
  const invoiceDate = new Date(`${input.invoiceDate}T00:00:00Z`);
  await deps.db.$transaction(async (tx) => {
    const checklist = await tx.huaweiInvoiceChecklist.findUniqueOrThrow({ where: { billUuid } });
    await tx.huaweiInvoice.upsert({
      where: { checklistId_taxRatePercent: { checklistId: checklist.id, taxRatePercent: rate } },
      create: { checklistId: checklist.id, taxRatePercent: rate, amount: part.amount, invoiceNumber: input.invoiceNumber, invoiceDate, recordedBy: actor.email, recordedAt: now },
      update: { amount: part.amount, invoiceNumber: input.invoiceNumber, invoiceDate, recordedBy: actor.email, recordedAt: now },
    });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "invoices.huawei_invoice_recorded",
        targetType: "bill",
        targetId: `${detail.bill.billId}:${detail.bill.category}`,
        ipAddress: actor.ipAddress,
        details: { taxRatePercent: rate, amount: part.amount, invoiceNumber: input.invoiceNumber, invoiceDate: input.invoiceDate },
      },
      now,
    );
  });
};

// Voids a recorded invoice (a wrong invoice must be reissued).
export const removeHuaweiInvoice = async (
  billUuid: string,
  taxRatePercent: string,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  const rate = normaliseRate(taxRatePercent);
  await deps.db.$transaction(async (tx) => {
    const checklist = await tx.huaweiInvoiceChecklist.findUnique({ where: { billUuid } });
    const invoice = checklist
      ? await tx.huaweiInvoice.findUnique({ where: { checklistId_taxRatePercent: { checklistId: checklist.id, taxRatePercent: rate } } })
      : null;
    if (!checklist || !invoice) throw new AppError("NOT_FOUND", "No invoice recorded at this tax rate.", { messageKey: "huaweiInvoices.errors.invoiceNotFound" });
    await tx.huaweiInvoice.delete({ where: { id: invoice.id } });
    await recordAuditEvent(
      tx,
      { actor, action: "invoices.huawei_invoice_voided", targetType: "bill", targetId: billUuid, ipAddress: actor.ipAddress, details: { taxRatePercent: rate, invoiceNumber: invoice.invoiceNumber } },
      now,
    );
  });
};
