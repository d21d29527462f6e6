import { INVOICE_STATUSES } from "@/domain/fees/bill-status";
import { money } from "@/domain/fees/money";
import type { HuaweiInvoiceBillRow } from "@/lib/contracts/huawei-invoices";
import type { Deps } from "@/server/deps";
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

// Bills Huawei waits for invoices on (待开票, 发票待审核), and every bill that already has a checklist.
export const listHuaweiInvoiceBills = async (deps: Pick<Deps, "db" | "now">): Promise<{ bills: HuaweiInvoiceBillRow[] }> => {
  const bills = await deps.db.bill.findMany({
    where: {
      category: { in: [...HUAWEI_INVOICED_CATEGORIES] },
      OR: [{ status: { in: [...INVOICE_STATUSES] } }, { id: { in: (await deps.db.huaweiInvoiceChecklist.findMany({ select: { billUuid: true } })).map((row) => row.billUuid) } }],
    },
    orderBy: [{ billId: "desc" }, { category: "asc" }],
    take: 200,
  });
  const ids = bills.map((bill) => bill.id);
  const [checklists, bases, firstAwaiting] = await Promise.all([
    deps.db.huaweiInvoiceChecklist.findMany({ where: { billUuid: { in: ids } }, include: { invoices: true } }),
    loadProductBases(ids, deps),
    loadFirstAwaitingInvoice(ids, deps),
  ]);
  const byBill = new Map(checklists.map((row) => [row.billUuid, row]));
  const now = deps.now();
  return {
    bills: bills.map((bill) => {
      const checklist = byBill.get(bill.id) ?? null;
      const computed = computeChecklist(bill, bases.get(bill.id) ?? [], checklist);
      const noticeAt = noticeAtOf(bill, firstAwaiting.get(bill.id), checklist?.noticeDate ?? null);
      return {
        billUuid: bill.id,
        billId: bill.billId,
        month: billMonth(bill.billId),
        category: billCategory(bill.category),
        billStatus: billStatus(bill.status),
        settlement: money(bill.settlement.toString()).toFixed(2),
        paymentRequestNo: checklist?.paymentRequestNo ?? null,
        invoiceAmount: checklist ? money(checklist.invoiceAmount.toString()).toFixed(2) : null,
        invoicesRecorded: checklist?.invoices.length ?? 0,
        invoicesNeeded: checklist ? computed.split.length : null,
        noticeAt: noticeAt.toISOString(),
        deadline: deadlineOf(noticeAt, now, computed.split, checklist),
      };
    }),
  };
};
