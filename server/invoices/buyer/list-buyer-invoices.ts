import type { BuyerInvoiceListQuery, BuyerInvoiceSummary } from "@/lib/contracts/buyer-invoices";
import type { Deps } from "@/server/deps";
import { toBuyerInvoiceSummary } from "./buyer-invoice-dto";

export const listBuyerInvoices = async (query: BuyerInvoiceListQuery, deps: Pick<Deps, "db" | "now">): Promise<{ requests: BuyerInvoiceSummary[] }> => {
  const rows = await deps.db.buyerInvoiceRequest.findMany({
    where: { ...(query.status ? { status: query.status } : {}), ...(query.orderId ? { orderId: query.orderId } : {}) },
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  const now = deps.now();
  return { requests: rows.map((row) => toBuyerInvoiceSummary(row, now)) };
};
