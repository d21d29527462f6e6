import { z } from "zod";
import { PRODUCT_CATEGORY_VALUES } from "@/lib/contracts/fees";

export const BILL_STATUS_VALUES = [
  "countersigning",
  "countersign_rejected",
  "awaiting_invoice",
  "invoice_review",
  "awaiting_payment_request",
  "payment_request_failed",
  "payment_processing",
  "payment_info_error",
  "payment_rejected",
  "paid",
] as const;
export type BillStatusValue = (typeof BILL_STATUS_VALUES)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const exportFormatQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default("csv") });

export type BillCategory = (typeof PRODUCT_CATEGORY_VALUES)[number];

export const billListQuerySchema = z.object({ category: z.enum(PRODUCT_CATEGORY_VALUES).default("general") });

export const generateBillInputSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "fees.monthInvalid" }),
  category: z.enum(PRODUCT_CATEGORY_VALUES),
});
export type GenerateBillInput = z.infer<typeof generateBillInputSchema>;

export const billParamsSchema = z.object({ billUuid: z.uuid({ message: "bills.notFound" }) });

export const setBillStatusInputSchema = z.object({
  status: z.enum(BILL_STATUS_VALUES),
  note: z.string().trim().max(500).optional(),
});
export type SetBillStatusInput = z.infer<typeof setBillStatusInputSchema>;

// The marketplace's detail export: CSV as text, or an Excel workbook (.xlsx) base64-encoded.
export const importBillInputSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    content: z.string().min(1).max(8 * 1024 * 1024).optional(),
    contentBase64: z
      .string()
      .min(1)
      .max(8 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "bills.importUnreadable" })
      .optional(),
  })
  .refine((input) => (input.content === undefined) !== (input.contentBase64 === undefined), {
    message: "bills.importEmpty",
    path: ["content"],
  });
export type ImportBillInput = z.infer<typeof importBillInputSchema>;

export type BillSummary = {
  uuid: string;
  billId: string;
  month: string;
  category: BillCategory;
  status: BillStatusValue;
  amount: string;
  platformFee: string;
  settlement: string;
  lineCount: number;
  expectedPaymentDate: string | null;
  generatedAt: string;
  lastImport: { importedAt: string; differenceCount: number } | null;
};

export type BillLineDto = {
  orderId: string;
  productCode: string;
  kind: string;
  attributedAt: string;
  amount: string;
  platformFeePercent: string;
  platformFee: string;
  settlement: string;
  tierIndex: number | null;
};

export type BillDifferenceDto = { orderId: string; kind: string; console: string | null; imported: string | null };

export type BillImportDto = {
  id: string;
  fileName: string;
  importedAt: string;
  importedBy: string | null;
  lineCount: number;
  amount: string;
  platformFee: string;
  differenceCount: number;
  differences: BillDifferenceDto[];
  rowErrors?: { row: number; message: string }[];
};

export type BillDetail = BillSummary & {
  lines: BillLineDto[];
  totalLines: number;
  history: { fromStatus: string | null; toStatus: string; note: string | null; actorEmail: string | null; changedAt: string }[];
  imports: BillImportDto[];
};
