import { money } from "@/domain/fees/money";
import { DEFAULT_TAX_RATE_PERCENT } from "@/domain/invoices/huawei/huawei-buyer";
import { normaliseRate } from "@/domain/invoices/huawei/tax-split";
import type { HuaweiChecklistDetail } from "@/lib/contracts/huawei-invoices";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import {
  HUAWEI_INVOICED_CATEGORIES,
  billCategory,
  billMonth,
  billStatus,
  computeChecklist,
  deadlineOf,
  loadFirstAwaitingInvoice,
  loadProductBases,
  noticeAtOf,
} from "./checklist-view";
import { getHuaweiBuyer } from "./huawei-buyer";

const yuan = (value: { toString(): string }): string => money(value.toString()).toFixed(2);

export const loadHuaweiBill = async (billUuid: string, deps: Pick<Deps, "db">) => {
  const bill = await deps.db.bill.findUnique({ where: { id: billUuid } });
  if (!bill || !(HUAWEI_INVOICED_CATEGORIES as readonly string[]).includes(bill.category)) {
    throw new AppError("NOT_FOUND", "No bill the seller invoices Huawei for.", { messageKey: "huaweiInvoices.errors.notFound" });
  }
  return bill;
};

export const getHuaweiChecklist = async (billUuid: string, deps: Pick<Deps, "db" | "now">): Promise<HuaweiChecklistDetail> => {
  const bill = await loadHuaweiBill(billUuid, deps);
  const [checklist, bases, firstAwaiting, buyer] = await Promise.all([
    deps.db.huaweiInvoiceChecklist.findUnique({ where: { billUuid }, include: { invoices: true } }),
    loadProductBases([billUuid], deps),
    loadFirstAwaitingInvoice([billUuid], deps),
    getHuaweiBuyer(deps),
  ]);
  const computed = computeChecklist(bill, bases.get(billUuid) ?? [], checklist);
  const noticeAt = noticeAtOf(bill, firstAwaiting.get(billUuid), checklist?.noticeDate ?? null);
  const invoices = new Map((checklist?.invoices ?? []).map((invoice) => [normaliseRate(invoice.taxRatePercent.toString()), invoice]));
  const splitRates = new Set(computed.split.map((part) => part.taxRatePercent));
  return {
    bill: {
      uuid: bill.id,
      billId: bill.billId,
      month: billMonth(bill.billId),
      category: billCategory(bill.category),
      status: billStatus(bill.status),
      amount: yuan(bill.amount),
      platformFee: yuan(bill.platformFee),
      settlement: yuan(bill.settlement),
    },
    checklist: checklist
      ? {
          paymentRequestNo: checklist.paymentRequestNo,
          settlementPeriod: checklist.settlementPeriod,
          invoiceAmount: yuan(checklist.invoiceAmount),
          noticeDate: checklist.noticeDate ? checklist.noticeDate.toISOString().slice(0, 10) : null,
          updatedBy: checklist.updatedBy,
          updatedAt: checklist.updatedAt.toISOString(),
        }
      : null,
    products: computed.products,
    defaultInvoiceAmount: computed.defaultInvoiceAmount,
    defaultTaxRatePercent: DEFAULT_TAX_RATE_PERCENT,
    split: computed.split.map((part) => {
      const invoice = invoices.get(part.taxRatePercent);
      return {
        ...part,
        invoice: invoice
          ? {
              invoiceNumber: invoice.invoiceNumber,
              invoiceDate: invoice.invoiceDate.toISOString().slice(0, 10),
              amount: yuan(invoice.amount),
              recordedBy: invoice.recordedBy,
              recordedAt: invoice.recordedAt.toISOString(),
            }
          : null,
      };
    }),
    splitProblem: computed.splitProblem,
    remark: computed.remark,
    buyer,
    strayInvoices: [...invoices.entries()].filter(([rate]) => !splitRates.has(rate)).map(([rate, invoice]) => ({ taxRatePercent: rate, invoiceNumber: invoice.invoiceNumber })),
    noticeAt: noticeAt.toISOString(),
    deadline: deadlineOf(noticeAt, deps.now(), computed.split, checklist),
    printable: checklist !== null && computed.remark !== null && computed.splitProblem === null && buyer.problems.length === 0,
  };
};
