import { isBillStatus } from "@/domain/fees/bill-status";
import { isProductCategory } from "@/domain/fees/fee-policy";
import { monthOfBillId } from "@/domain/fees/beijing-month";
import { money } from "@/domain/fees/money";
import { deadlineState } from "@/domain/invoices/huawei/deadline";
import { DEFAULT_TAX_RATE_PERCENT } from "@/domain/invoices/huawei/huawei-buyer";
import { invoiceRemark, remarkProblems } from "@/domain/invoices/huawei/remark";
import { TaxSplitError, normaliseRate, splitByTaxRate, type TaxRateInvoicePart } from "@/domain/invoices/huawei/tax-split";
import type { BillCategory, BillStatusValue } from "@/lib/contracts/bills";
import type { Deps } from "@/server/deps";

// Bills the seller invoices Huawei for: 联营, 严选 and 华为商品 (koogallery-money.md §3a). General-product bills
// after 2018-11-01 are invoiced to the buyer instead, so they never appear here.
export const HUAWEI_INVOICED_CATEGORIES = ["joint", "curated", "huawei"] as const;

const OFFSET_MS = 8 * 3_600_000;

export type BillForChecklist = {
  id: string;
  billId: string;
  category: string;
  status: string;
  amount: { toString(): string };
  platformFee: { toString(): string };
  settlement: { toString(): string };
  statusChangedAt: Date | null;
  generatedAt: Date;
};

export type ChecklistRow = {
  id: string;
  paymentRequestNo: string;
  settlementPeriod: string;
  invoiceAmount: { toString(): string };
  productRates: unknown;
  noticeDate: Date | null;
  updatedBy: string | null;
  updatedAt: Date;
  invoices: { taxRatePercent: { toString(): string }; amount: { toString(): string }; invoiceNumber: string; invoiceDate: Date; recordedBy: string | null; recordedAt: Date }[];
};

export const billCategory = (value: string): BillCategory => (isProductCategory(value) ? value : "joint");
export const billStatus = (value: string): BillStatusValue => (isBillStatus(value) ? value : "countersigning");
export const billMonth = (billId: string): string => monthOfBillId(billId) ?? billId;

export const productRatesOf = (value: unknown): Record<string, string> => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
};

/** Product settlement sums per bill, from the bill lines. */
export const loadProductBases = async (billUuids: string[], deps: Pick<Deps, "db">): Promise<Map<string, { productCode: string; settlement: string }[]>> => {
  const result = new Map<string, { productCode: string; settlement: string }[]>();
  if (billUuids.length === 0) return result;
  const groups = await deps.db.billLine.groupBy({ by: ["billUuid", "productCode"], where: { billUuid: { in: billUuids } }, _sum: { settlement: true }, orderBy: [{ billUuid: "asc" }, { productCode: "asc" }] });
  for (const group of groups) {
    const list = result.get(group.billUuid) ?? [];
    list.push({ productCode: group.productCode, settlement: money(group._sum.settlement?.toString() ?? "0").toFixed(2) });
    result.set(group.billUuid, list);
  }
  return result;
};

/** The first time each bill was recorded as 待开票 (the notice goes out then). */
export const loadFirstAwaitingInvoice = async (billUuids: string[], deps: Pick<Deps, "db">): Promise<Map<string, Date>> => {
  if (billUuids.length === 0) return new Map();
  const groups = await deps.db.billStatusChange.groupBy({ by: ["billUuid"], where: { billUuid: { in: billUuids }, toStatus: "awaiting_invoice" }, _min: { changedAt: true } });
  return new Map(groups.flatMap((group) => (group._min.changedAt ? [[group.billUuid, group._min.changedAt] as const] : [])));
};

/** The deadline's start: the earliest of the first 待开票, the notice date finance entered, or (neither known) the last status change. */
export const noticeAtOf = (bill: BillForChecklist, firstAwaiting: Date | undefined, noticeDate: Date | null): Date => {
  const candidates = [firstAwaiting ?? bill.statusChangedAt ?? bill.generatedAt];
  // A date column arrives as UTC midnight of that day; the notice day starts at Beijing midnight.
  if (noticeDate) candidates.push(new Date(noticeDate.getTime() - OFFSET_MS));
  return new Date(Math.min(...candidates.map((date) => date.getTime())));
};

export type ComputedChecklist = {
  products: { productCode: string; settlement: string; taxRatePercent: string }[];
  defaultInvoiceAmount: string;
  split: TaxRateInvoicePart[];
  splitProblem: string | null;
  remark: string | null;
};

// The 开票金额 defaults to the bill's settlement (what Huawei pays the seller); the amount the notice
// states wins once finance enters it.
export const computeChecklist = (bill: BillForChecklist, bases: { productCode: string; settlement: string }[], checklist: ChecklistRow | null): ComputedChecklist => {
  const rates = productRatesOf(checklist?.productRates);
  const products = bases.map((base) => ({ ...base, taxRatePercent: normaliseRate(rates[base.productCode] ?? DEFAULT_TAX_RATE_PERCENT) }));
  const defaultInvoiceAmount = money(bill.settlement.toString()).toFixed(2);
  const total = checklist ? checklist.invoiceAmount.toString() : defaultInvoiceAmount;
  let split: TaxRateInvoicePart[] = [];
  let splitProblem: string | null = null;
  try {
    split = splitByTaxRate(total, products.length > 0 ? products.map((p) => ({ taxRatePercent: p.taxRatePercent, base: p.settlement })) : [{ taxRatePercent: DEFAULT_TAX_RATE_PERCENT, base: 0 }]);
  } catch (error) {
    if (!(error instanceof TaxSplitError)) throw error;
    splitProblem = error.problem;
  }
  const remark = checklist && remarkProblems(checklist).length === 0 ? invoiceRemark(checklist) : null;
  return { products, defaultInvoiceAmount, split, splitProblem, remark };
};

export const deadlineOf = (noticeAt: Date, now: Date, split: TaxRateInvoicePart[], checklist: ChecklistRow | null) => {
  const recorded = new Set(checklist?.invoices.map((invoice) => normaliseRate(invoice.taxRatePercent.toString())) ?? []);
  const allIssued = checklist !== null && split.length > 0 && split.every((part) => recorded.has(part.taxRatePercent));
  return deadlineState({ noticeAt, now, allIssued });
};
