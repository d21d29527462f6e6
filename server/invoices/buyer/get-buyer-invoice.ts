import { actionsFor } from "@/domain/invoices/buyer/status";
import type { BuyerInvoiceDetail } from "@/lib/contracts/buyer-invoices";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { toBuyerInvoiceSummary } from "./buyer-invoice-dto";
import { checkOrderRefund } from "./check-order-refund";

export const getBuyerInvoice = async (requestId: string, deps: Pick<Deps, "db" | "now">): Promise<BuyerInvoiceDetail> => {
  const row = await deps.db.buyerInvoiceRequest.findUnique({
    where: { id: requestId },
    include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such invoice request.", { messageKey: "buyerInvoices.errors.notFound" });
  const summary = toBuyerInvoiceSummary(row, deps.now());
  return {
    ...summary,
    taxpayerId: row.taxpayerId,
    receiverEmail: row.receiverEmail,
    mailingRecipient: row.mailingRecipient,
    mailingPhone: row.mailingPhone,
    mailingAddress: row.mailingAddress,
    reason: row.reason,
    invoiceDate: row.invoiceDate ? row.invoiceDate.toISOString().slice(0, 10) : null,
    source: row.source,
    createdBy: row.createdBy,
    actions: actionsFor(summary.status),
    refund: await checkOrderRefund(row.orderId, deps),
    events: row.events.map((event) => ({
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      actorEmail: event.actorEmail,
      occurredAt: event.occurredAt.toISOString(),
    })),
  };
};
