import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { normaliseRate } from "@/domain/invoices/huawei/tax-split";
import type { ChecklistInput } from "@/lib/contracts/huawei-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { loadHuaweiBill } from "./get-huawei-checklist";

// Saves what the notice says. Once an invoice is recorded the amount and the rates are what it was issued
// for: changing them would silently orphan it, so finance voids the recorded invoices first (a wrong
// invoice is reissued, §3a). The payment-request number, period and notice date stay editable.
export const saveHuaweiChecklist = async (
  billUuid: string,
  input: ChecklistInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  const bill = await loadHuaweiBill(billUuid, deps);
  const productRates = Object.fromEntries(Object.entries(input.productRates).map(([code, rate]) => [code, normaliseRate(rate)]));
  const noticeDate = input.noticeDate ? new Date(`${input.noticeDate}T00:00:00Z`) : null;
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.huaweiInvoiceChecklist.findUnique({ where: { billUuid }, include: { invoices: { select: { id: true } } } });
    if (existing && existing.invoices.length > 0) {
      const sameAmount = new Prisma.Decimal(existing.invoiceAmount).equals(new Prisma.Decimal(input.invoiceAmount));
      const oldRates = JSON.stringify(Object.entries(existing.productRates as Record<string, string>).sort());
      const newRates = JSON.stringify(Object.entries(productRates).sort());
      if (!sameAmount || oldRates !== newRates) {
        throw new AppError("CONFLICT", "Invoices are recorded for this checklist; void them before changing the amount or the rates.", {
          messageKey: "huaweiInvoices.errors.invoicesRecorded",
        });
      }
    }
    const data = {
      paymentRequestNo: input.paymentRequestNo,
      settlementPeriod: input.settlementPeriod,
      invoiceAmount: input.invoiceAmount,
      productRates,
      noticeDate,
      updatedBy: actor.email,
      updatedAt: now,
    };
    if (existing) await tx.huaweiInvoiceChecklist.update({ where: { id: existing.id }, data });
    else await tx.huaweiInvoiceChecklist.create({ data: { id: randomUUID(), billUuid, createdBy: actor.email, createdAt: now, ...data } });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "invoices.huawei_checklist_saved",
        targetType: "bill",
        targetId: `${bill.billId}:${bill.category}`,
        ipAddress: actor.ipAddress,
        details: { paymentRequestNo: input.paymentRequestNo, settlementPeriod: input.settlementPeriod, invoiceAmount: input.invoiceAmount, productRates },
      },
      now,
    );
  });
};
