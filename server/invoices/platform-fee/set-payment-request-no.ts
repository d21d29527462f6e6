import type { PaymentRequestInput } from "@/lib/contracts/platform-fee-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Records the 申付单号 a bill was paid under (from the marketplace's bill page); empty clears it.
export const setPaymentRequestNo = async (
  billUuid: string,
  input: PaymentRequestInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const bill = await tx.bill.findUnique({ where: { id: billUuid }, select: { billId: true, category: true } });
    if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
    if (input.paymentRequestNo === "") await tx.invoiceBillPaymentRequest.deleteMany({ where: { billUuid } });
    else {
      const data = { paymentRequestNo: input.paymentRequestNo, recordedBy: actor.email, recordedAt: now };
      await tx.invoiceBillPaymentRequest.upsert({ where: { billUuid }, create: { billUuid, ...data }, update: data });
    }
    await recordAuditEvent(
      tx,
      { actor, action: "bills.payment_request_recorded", targetType: "bill", targetId: `${bill.billId}:${bill.category}`, ipAddress: actor.ipAddress, details: { paymentRequestNo: input.paymentRequestNo || null } },
      now,
    );
  });
};
