import { refundBlock } from "@/domain/invoices/buyer/refund-block";
import type { RefundVerdictDto } from "@/lib/contracts/buyer-invoices";
import type { Deps } from "@/server/deps";
import { requestStatus } from "./buyer-invoice-dto";

/** May this order be refunded, as far as its invoices go? */
export const checkOrderRefund = async (orderId: string, deps: Pick<Deps, "db">): Promise<RefundVerdictDto> => {
  const rows = await deps.db.buyerInvoiceRequest.findMany({
    where: { orderId },
    select: { id: true, status: true, invoiceNumber: true },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
  });
  return refundBlock(rows.map((row) => ({ id: row.id, status: requestStatus(row.status), invoiceNumber: row.invoiceNumber })));
};
