"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { useHuaweiInvoiceBills } from "@/features/invoices/huawei/api/huawei-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";
import { DeadlineBadge } from "./deadline-badge";

export function HuaweiInvoiceList() {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const bills = useHuaweiInvoiceBills();
  if (bills.isPending) return <LoadingRows label={t("common.loading")} />;
  if (bills.isError) return <ErrorNotice>{errorText(bills.error)}</ErrorNotice>;
  if (bills.data.bills.length === 0) return <EmptyState title={t("huaweiInvoices.empty")}>{t("huaweiInvoices.emptyHint")}</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {(["bill", "category", "billStatus", "settlement", "paymentRequestNo", "invoices", "deadline"] as const).map((key) => (
              <th key={key} scope="col" className="px-3 py-2">{t(`huaweiInvoices.col.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bills.data.bills.map((bill) => (
            <tr key={bill.billUuid} data-testid={`huawei-bill-${bill.billId}-${bill.category}`}>
              <td className="px-3 py-2 font-mono">
                <Link className="text-brand-700 underline" href={`/invoices/huawei/${bill.billUuid}`}>{bill.billId}</Link>
              </td>
              <td className="px-3 py-2">{t(`fees.categories.${bill.category}`)}</td>
              <td className="px-3 py-2"><Badge tone="blue">{t(`bills.statuses.${bill.billStatus}`)}</Badge></td>
              <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.invoiceAmount ?? bill.settlement)}</td>
              <td className="px-3 py-2 font-mono">{bill.paymentRequestNo ?? "—"}</td>
              <td className="px-3 py-2">{bill.invoicesNeeded === null ? t("huaweiInvoices.noChecklist") : `${bill.invoicesRecorded} / ${bill.invoicesNeeded}`}</td>
              <td className="px-3 py-2"><DeadlineBadge deadline={bill.deadline} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
