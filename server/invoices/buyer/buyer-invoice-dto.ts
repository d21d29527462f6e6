import { money } from "@/domain/fees/money";
import { issueDaysLeft } from "@/domain/invoices/buyer/issue-deadline";
import { BUYER_INVOICE_KINDS, TITLE_TYPES, type BuyerInvoiceKind, type TitleType } from "@/domain/invoices/buyer/request-rules";
import { isBuyerInvoiceStatus, type BuyerInvoiceStatus } from "@/domain/invoices/buyer/status";
import type { BuyerInvoiceSummary } from "@/lib/contracts/buyer-invoices";

export type RequestRow = {
  id: string;
  orderId: string;
  buyerName: string;
  amount: { toString(): string };
  titleType: string;
  title: string;
  invoiceKind: string;
  status: string;
  invoiceNumber: string | null;
  requestedAt: Date;
};

export const requestStatus = (value: string): BuyerInvoiceStatus => (isBuyerInvoiceStatus(value) ? value : "pending_review");

export const toBuyerInvoiceSummary = (row: RequestRow, now: Date): BuyerInvoiceSummary => {
  const status = requestStatus(row.status);
  return {
    id: row.id,
    orderId: row.orderId,
    buyerName: row.buyerName,
    amount: money(row.amount.toString()).toFixed(2),
    titleType: (TITLE_TYPES as readonly string[]).includes(row.titleType) ? (row.titleType as TitleType) : "individual",
    title: row.title,
    invoiceKind: (BUYER_INVOICE_KINDS as readonly string[]).includes(row.invoiceKind) ? (row.invoiceKind as BuyerInvoiceKind) : "ordinary_digital",
    status,
    invoiceNumber: row.invoiceNumber,
    requestedAt: row.requestedAt.toISOString(),
    issueDaysLeft: status === "pending_review" || status === "awaiting_issue" ? issueDaysLeft(row.requestedAt, now) : null,
  };
};
