import { money } from "@/domain/fees/money";
import { isRequestStatus } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { TemplateContent } from "@/domain/invoices/templates/invoice-template";
import type { EligibleLineDto, PlatformFeeRequestDetail, PlatformFeeRequestSummary } from "@/lib/contracts/platform-fee-invoices";

type Dec = { toString(): string };
type RequestRow = {
  id: string;
  status: string;
  netAmount: Dec;
  positiveAmount: Dec;
  negativeAmount: Dec;
  templateVersion: number;
  templateSnapshot: unknown;
  negativeLines: unknown;
  invoiceNumber: string | null;
  invoiceDate: Date | null;
  requestedBy: string | null;
  requestedAt: Date;
  issuedAt: Date | null;
  issuedBy: string | null;
  returnReason: string | null;
  returnCredited: boolean | null;
  returnCourier: string | null;
  returnTrackingNumber: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  bills: { billUuid: string; billId: string; paymentRequestNo: string | null; platformFee: Dec }[];
  pdf: { fileName: string; byteSize: number; uploadedAt: Date; uploadedBy: string | null } | null;
};

const yuan = (value: Dec) => money(value.toString()).toFixed(2);

export const toRequestSummary = (row: RequestRow): PlatformFeeRequestSummary => ({
  id: row.id,
  status: isRequestStatus(row.status) ? row.status : "requested",
  netAmount: yuan(row.netAmount),
  positiveAmount: yuan(row.positiveAmount),
  negativeAmount: yuan(row.negativeAmount),
  billIds: [...new Set(row.bills.map((bill) => bill.billId))].sort(),
  templateTitle: (row.templateSnapshot as Partial<TemplateContent> | null)?.title ?? "",
  templateVersion: row.templateVersion,
  invoiceNumber: row.invoiceNumber,
  invoiceDate: row.invoiceDate ? row.invoiceDate.toISOString().slice(0, 10) : null,
  hasPdf: row.pdf !== null,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt.toISOString(),
});

export const toRequestDetail = (row: RequestRow): PlatformFeeRequestDetail => ({
  ...toRequestSummary(row),
  templateSnapshot: row.templateSnapshot as TemplateContent,
  bills: row.bills
    .map((bill) => ({ uuid: bill.billUuid, billId: bill.billId, paymentRequestNo: bill.paymentRequestNo, platformFee: yuan(bill.platformFee) }))
    .sort((a, b) => a.billId.localeCompare(b.billId)),
  negativeLines: Array.isArray(row.negativeLines) ? (row.negativeLines as (EligibleLineDto & { billUuid: string; billId: string })[]) : [],
  pdf: row.pdf ? { fileName: row.pdf.fileName, byteSize: row.pdf.byteSize, uploadedAt: row.pdf.uploadedAt.toISOString(), uploadedBy: row.pdf.uploadedBy } : null,
  issuedAt: row.issuedAt?.toISOString() ?? null,
  issuedBy: row.issuedBy,
  returnReason: row.returnReason,
  returnCredited: row.returnCredited,
  returnCourier: row.returnCourier,
  returnTrackingNumber: row.returnTrackingNumber,
  returnedAt: row.returnedAt?.toISOString() ?? null,
  returnedBy: row.returnedBy,
});

// Everything but the PDF bytes.
export const REQUEST_INCLUDE = {
  bills: true,
  pdf: { select: { fileName: true, byteSize: true, uploadedAt: true, uploadedBy: true } },
} as const;
