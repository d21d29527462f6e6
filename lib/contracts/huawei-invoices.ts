import { z } from "zod";
import { remarkProblems } from "@/domain/invoices/huawei/remark";
import { checkUnifiedSocialCreditCode } from "@/domain/invoices/unified-social-credit-code";
import type { BillCategory, BillStatusValue } from "@/lib/contracts/bills";

const E = "huaweiInvoices.errors";
const percentString = z.string().trim().regex(/^\d{1,2}(\.\d{1,4})?$/, { message: `${E}.rateInvalid` });
const text = (max: number) => z.string().trim().max(max, { message: `${E}.tooLong` });

export const huaweiBillParamsSchema = z.object({ billUuid: z.uuid({ message: `${E}.notFound` }) });

export const huaweiBuyerInputSchema = z
  .object({
    name: text(200).min(1, { message: `${E}.required` }),
    taxpayerId: z.string().trim().toUpperCase(),
    bankName: text(200).min(1, { message: `${E}.required` }),
    bankAccount: z.string().trim().regex(/^[0-9][0-9 -]{4,38}[0-9]$/, { message: `${E}.bankAccountInvalid` }),
    address: text(300),
    phone: text(50),
    receivingEmail: z.union([z.literal(""), z.email({ message: `${E}.emailInvalid` })]),
    mailingAddress: text(300),
  })
  .superRefine((value, ctx) => {
    if (!value.taxpayerId) {
      ctx.addIssue({ code: "custom", path: ["taxpayerId"], message: `${E}.required` });
      return;
    }
    const verdict = checkUnifiedSocialCreditCode(value.taxpayerId);
    if (!verdict.valid) ctx.addIssue({ code: "custom", path: ["taxpayerId"], message: `${E}.creditCode.${verdict.problem}` });
  });
export type HuaweiBuyerInput = z.infer<typeof huaweiBuyerInputSchema>;

export const checklistInputSchema = z
  .object({
    paymentRequestNo: z.string().trim().max(64, { message: `${E}.tooLong` }),
    settlementPeriod: z.string().trim().max(64, { message: `${E}.tooLong` }),
    invoiceAmount: z.string().trim().regex(/^\d{1,17}(\.\d{1,2})?$/, { message: `${E}.amountInvalid` }),
    productRates: z.record(z.string().min(1).max(200), percentString),
    noticeDate: z.preprocess((value) => (value === "" ? null : value), z.iso.date({ message: `${E}.dateInvalid` }).nullable()),
  })
  .superRefine((value, ctx) => {
    for (const { field, problem } of remarkProblems(value)) ctx.addIssue({ code: "custom", path: [field], message: `${E}.${problem}` });
    if (/^0+(\.0+)?$/.test(value.invoiceAmount)) ctx.addIssue({ code: "custom", path: ["invoiceAmount"], message: `${E}.amountInvalid` });
  });
export type ChecklistInput = z.infer<typeof checklistInputSchema>;

export const recordHuaweiInvoiceInputSchema = z.object({
  taxRatePercent: percentString,
  // 数电 invoices have 20-digit numbers; the legacy paper/electronic ones 8 digits (with a 10- or 12-digit code).
  invoiceNumber: z.string().trim().regex(/^\d{8,20}$/, { message: `${E}.invoiceNumberInvalid` }),
  invoiceDate: z.iso.date({ message: `${E}.dateInvalid` }),
});
export type RecordHuaweiInvoiceInput = z.infer<typeof recordHuaweiInvoiceInputSchema>;

export const removeHuaweiInvoiceInputSchema = z.object({ taxRatePercent: percentString });

export type DeadlineDto =
  | { kind: "issued" }
  | { kind: "due" | "dueSoon"; deadline: string; daysLeft: number }
  | { kind: "overdue"; deadline: string; daysOverdue: number };

export type HuaweiBuyerDto = HuaweiBuyerInput & { updatedBy: string | null; updatedAt: string; problems: { field: string; problem: string }[] };

export type HuaweiInvoiceBillRow = {
  billUuid: string;
  billId: string;
  month: string;
  category: BillCategory;
  billStatus: BillStatusValue;
  settlement: string;
  paymentRequestNo: string | null;
  invoiceAmount: string | null;
  invoicesRecorded: number;
  invoicesNeeded: number | null;
  noticeAt: string;
  deadline: DeadlineDto;
};

export type SplitPartDto = {
  taxRatePercent: string;
  amount: string;
  amountExcludingTax: string;
  tax: string;
  invoice: { invoiceNumber: string; invoiceDate: string; amount: string; recordedBy: string | null; recordedAt: string } | null;
};

export type HuaweiChecklistDetail = {
  bill: { uuid: string; billId: string; month: string; category: BillCategory; status: BillStatusValue; amount: string; platformFee: string; settlement: string };
  checklist: { paymentRequestNo: string; settlementPeriod: string; invoiceAmount: string; noticeDate: string | null; updatedBy: string | null; updatedAt: string } | null;
  products: { productCode: string; settlement: string; taxRatePercent: string }[];
  defaultInvoiceAmount: string;
  defaultTaxRatePercent: string;
  split: SplitPartDto[];
  splitProblem: string | null;
  remark: string | null;
  buyer: HuaweiBuyerDto;
  // Invoices recorded for rates no longer in the split (the checklist changed afterwards): to be voided.
  strayInvoices: { taxRatePercent: string; invoiceNumber: string }[];
  noticeAt: string;
  deadline: DeadlineDto;
  printable: boolean;
};
