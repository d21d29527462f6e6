import { HOLDS_ISSUED_INVOICE, OPEN_REQUEST, type BuyerInvoiceStatus } from "./status";

// "已开票必须退票后才能退订" (koogallery-money.md §3c): once an invoice is issued the order may not be
// refunded until the invoice is returned. The reference also says a refund fails if an invoice is requested
// while the refund waits; the safe reading is to block the refund while a request is still open too, so
// finance first rejects the request (撤销开票) instead of letting the marketplace refund fail.

export type RequestForRefund = { id: string; status: BuyerInvoiceStatus; invoiceNumber?: string | null };

export type RefundVerdict =
  | { refundable: true }
  | { refundable: false; reason: "invoiceIssued" | "requestOpen"; requestIds: string[]; invoiceNumbers: string[] };

export const refundBlock = (requests: readonly RequestForRefund[]): RefundVerdict => {
  const issued = requests.filter((request) => HOLDS_ISSUED_INVOICE.includes(request.status));
  if (issued.length > 0) {
    return {
      refundable: false,
      reason: "invoiceIssued",
      requestIds: issued.map((request) => request.id),
      invoiceNumbers: issued.flatMap((request) => (request.invoiceNumber ? [request.invoiceNumber] : [])),
    };
  }
  const open = requests.filter((request) => OPEN_REQUEST.includes(request.status));
  if (open.length > 0) return { refundable: false, reason: "requestOpen", requestIds: open.map((request) => request.id), invoiceNumbers: [] };
  return { refundable: true };
};
