import { z } from "zod";
import { BUYER_INVOICE_KINDS, TITLE_TYPES, requestProblems, type BuyerInvoiceKind, type TitleType } from "@/domain/invoices/buyer/request-rules";
import { BUYER_INVOICE_STATUSES, type BuyerInvoiceAction, type BuyerInvoiceStatus } from "@/domain/invoices/buyer/status";

const E = "buyerInvoices.errors";
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), z.string().trim().max(max, { message: `${E}.tooLong` }).nullable().optional());

export const buyerInvoiceParamsSchema = z.object({ requestId: z.uuid({ message: `${E}.notFound` }) });

export const buyerInvoiceListQuerySchema = z.object({
  status: z.preprocess((value) => (value === "" ? undefined : value), z.enum(BUYER_INVOICE_STATUSES).optional()),
  orderId: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(100).optional()),
});
export type BuyerInvoiceListQuery = z.infer<typeof buyerInvoiceListQuerySchema>;

export const createBuyerInvoiceInputSchema = z
  .object({
    orderId: z.string().trim().min(1, { message: `${E}.required` }).max(100, { message: `${E}.tooLong` }),
    titleType: z.enum(TITLE_TYPES),
    title: z.string().trim().max(200, { message: `${E}.tooLong` }),
    taxpayerId: z.preprocess((value) => (typeof value === "string" ? value.trim().toUpperCase() || null : value), z.string().nullable().optional()),
    invoiceKind: z.enum(BUYER_INVOICE_KINDS),
    receiverEmail: z.preprocess((value) => (value === "" ? null : value), z.email({ message: `${E}.emailInvalid` }).nullable().optional()),
    mailingRecipient: optionalText(100),
    mailingPhone: optionalText(50),
    mailingAddress: optionalText(300),
    // When the buyer asked; the 7-day issuing clock starts here. Defaults to now.
    requestedAt: z.preprocess((value) => (value === "" ? undefined : value), z.iso.date({ message: `${E}.dateInvalid` }).optional()),
  })
  .superRefine((value, ctx) => {
    for (const { field, problem } of requestProblems(value)) ctx.addIssue({ code: "custom", path: [field], message: `${E}.${problem}` });
  });
export type CreateBuyerInvoiceInput = z.infer<typeof createBuyerInvoiceInputSchema>;

const reason = z.string().trim().min(1, { message: `${E}.reasonRequired` }).max(500, { message: `${E}.tooLong` });

export const buyerInvoiceActionInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }),
  z.object({ action: z.literal("reject"), reason }),
  z.object({
    action: z.literal("issue"),
    invoiceNumber: z.string().trim().regex(/^\d{8,20}$/, { message: `${E}.invoiceNumberInvalid` }),
    invoiceDate: z.iso.date({ message: `${E}.dateInvalid` }),
  }),
  z.object({ action: z.literal("sign") }),
  z.object({ action: z.literal("return"), reason }),
]);
export type BuyerInvoiceActionInput = z.infer<typeof buyerInvoiceActionInputSchema>;

export const refundCheckQuerySchema = z.object({ orderId: z.string().trim().min(1).max(100) });

export type RefundVerdictDto =
  | { refundable: true }
  | { refundable: false; reason: "invoiceIssued" | "requestOpen"; requestIds: string[]; invoiceNumbers: string[] };

export type BuyerInvoiceSummary = {
  id: string;
  orderId: string;
  buyerName: string;
  amount: string;
  titleType: TitleType;
  title: string;
  invoiceKind: BuyerInvoiceKind;
  status: BuyerInvoiceStatus;
  invoiceNumber: string | null;
  requestedAt: string;
  // Days left of the 7 to issue, while not yet issued (negative: late).
  issueDaysLeft: number | null;
};

export type BuyerInvoiceDetail = BuyerInvoiceSummary & {
  taxpayerId: string | null;
  receiverEmail: string | null;
  mailingRecipient: string | null;
  mailingPhone: string | null;
  mailingAddress: string | null;
  reason: string | null;
  invoiceDate: string | null;
  source: string;
  createdBy: string | null;
  actions: BuyerInvoiceAction[];
  refund: RefundVerdictDto;
  events: { action: string; fromStatus: string | null; toStatus: string; reason: string | null; actorEmail: string | null; occurredAt: string }[];
};
