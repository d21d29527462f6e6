import { z } from "zod";
import type { RequestStatus } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { TemplateContent } from "@/domain/invoices/templates/invoice-template";

export const requestParamsSchema = z.object({ requestId: z.uuid({ message: "invoices.platformFee.notFound" }) });
export const billParamsSchema = z.object({ billUuid: z.uuid({ message: "bills.notFound" }) });

export const createRequestInputSchema = z.object({
  billUuids: z.array(z.uuid()).max(500).default([]),
  templateId: z.uuid({ message: "invoices.platformFee.errors.templateRequired" }),
});
export type CreateRequestInput = z.infer<typeof createRequestInputSchema>;

export const issueRequestInputSchema = z.object({
  invoiceNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{8,20}$/, { message: "invoices.platformFee.errors.invoiceNumberInvalid" }),
  invoiceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invoices.platformFee.errors.dateInvalid" }),
});
export type IssueRequestInput = z.infer<typeof issueRequestInputSchema>;

export const MAX_PDF_BASE64_CHARS = Math.ceil((5 * 1024 * 1024) / 3) * 4;
export const uploadPdfInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  // The file read by the browser as base64; the server checks size and that it is a PDF.
  contentBase64: z.string().min(1, { message: "invoices.platformFee.errors.pdfEmpty" }).max(MAX_PDF_BASE64_CHARS + 8, { message: "invoices.platformFee.errors.pdfTooLarge" }),
});
export type UploadPdfInput = z.infer<typeof uploadPdfInputSchema>;

export const returnRequestInputSchema = z.object({
  reason: z.string().max(1000).default(""),
  credited: z.boolean(),
  courier: z.string().max(50).default(""),
  trackingNumber: z.string().max(60).default(""),
});
export type ReturnRequestInput = z.infer<typeof returnRequestInputSchema>;

export const paymentRequestInputSchema = z.object({
  paymentRequestNo: z
    .string()
    .trim()
    .max(64)
    .regex(/^[0-9A-Za-z_-]*$/, { message: "invoices.platformFee.errors.paymentRequestNoInvalid" }),
});
export type PaymentRequestInput = z.infer<typeof paymentRequestInputSchema>;

export type EligibleLineDto = { orderId: string; kind: string; amount: string; platformFee: string };
export type EligibleBillDto = {
  uuid: string;
  billId: string;
  month: string;
  paymentRequestNo: string | null;
  amount: string;
  platformFee: string;
  positiveFee: string;
  negativeFee: string;
  lineCount: number;
  /** Only the negative lines: the rest are summed in positiveFee. */
  negativeLines: EligibleLineDto[];
};

export type PlatformFeeRequestSummary = {
  id: string;
  status: RequestStatus;
  netAmount: string;
  positiveAmount: string;
  negativeAmount: string;
  billIds: string[];
  templateTitle: string;
  templateVersion: number;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  hasPdf: boolean;
  requestedBy: string | null;
  requestedAt: string;
};

export type PlatformFeeRequestDetail = PlatformFeeRequestSummary & {
  templateSnapshot: TemplateContent;
  bills: { uuid: string; billId: string; paymentRequestNo: string | null; platformFee: string }[];
  negativeLines: (EligibleLineDto & { billUuid: string; billId: string })[];
  pdf: { fileName: string; byteSize: number; uploadedAt: string; uploadedBy: string | null } | null;
  issuedAt: string | null;
  issuedBy: string | null;
  returnReason: string | null;
  returnCredited: boolean | null;
  returnCourier: string | null;
  returnTrackingNumber: string | null;
  returnedAt: string | null;
  returnedBy: string | null;
};
