import { transitionFor, isBuyerInvoiceStatus } from "@/domain/invoices/buyer/status";
import type { BuyerInvoiceActionInput } from "@/lib/contracts/buyer-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// approve (待审核 → 待开票), reject (待审核 → 已驳回), issue (待开票 → 待签收, with the invoice data), sign
// (待签收 → 已完成), return (已完成 → 已退票). The row is locked, so two operators cannot both move it.
export const actOnBuyerInvoice = async (
  requestId: string,
  input: BuyerInvoiceActionInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; order_id: string }[]>`
      SELECT status, order_id FROM buyer_invoice_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "No such invoice request.", { messageKey: "buyerInvoices.errors.notFound" });
    const from = isBuyerInvoiceStatus(row.status) ? row.status : null;
    const verdict = from ? transitionFor(from, input.action) : { allowed: false as const };
    if (!verdict.allowed) {
      throw new AppError("CONFLICT", `A request in status ${row.status} cannot be moved by "${input.action}".`, {
        messageKey: "buyerInvoices.errors.illegalTransition",
      });
    }
    const reason = input.action === "reject" || input.action === "return" ? input.reason : null;
    await tx.buyerInvoiceRequest.update({
      where: { id: requestId },
      data: {
        status: verdict.to,
        updatedAt: now,
        ...(reason ? { reason } : {}),
        ...(input.action === "issue" ? { invoiceNumber: input.invoiceNumber, invoiceDate: new Date(`${input.invoiceDate}T00:00:00Z`) } : {}),
      },
    });
    await tx.buyerInvoiceRequestEvent.create({
      data: { requestId, action: input.action, fromStatus: from, toStatus: verdict.to, reason, actorEmail: actor.email, occurredAt: now },
    });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: `invoices.buyer_request_${input.action}`,
        targetType: "buyer_invoice_request",
        targetId: requestId,
        ipAddress: actor.ipAddress,
        details: {
          orderId: row.order_id,
          from,
          to: verdict.to,
          ...(reason ? { reason } : {}),
          ...(input.action === "issue" ? { invoiceNumber: input.invoiceNumber, invoiceDate: input.invoiceDate } : {}),
        },
      },
      now,
    );
  });
};
