"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { useBills, useGenerateBill } from "@/features/bills/api/bills";
import type { BillCategory } from "@/lib/contracts/bills";
import { PRODUCT_CATEGORY_VALUES } from "@/lib/contracts/fees";
import { useApiErrorText } from "@/lib/use-api-error-text";

export const parseCategory = (value: string | null): BillCategory =>
  (PRODUCT_CATEGORY_VALUES as readonly string[]).includes(value ?? "") ? (value as BillCategory) : "general";

export function BillsList({ canWrite, defaultMonth }: { canWrite: boolean; defaultMonth: string }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const category = parseCategory(useSearchParams().get("category"));
  const bills = useBills(category);
  const generate = useGenerateBill();
  const [month, setMonth] = useState(defaultMonth);

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("bills.tabs")} className="flex flex-wrap gap-1 border-b border-slate-200">
        {PRODUCT_CATEGORY_VALUES.map((value) => (
          <button
            key={value}
            role="tab"
            type="button"
            aria-selected={value === category}
            onClick={() => router.replace(`${pathname}?category=${value}`)}
            className={clsx(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              value === category ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`fees.categories.${value}`)}
          </button>
        ))}
      </div>

      {canWrite ? (
        <Card title={t("bills.generateTitle")}>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              generate.mutate({ month, category });
            }}
          >
            <Field label={t("bills.month")} htmlFor="bill-month" hint={t("bills.generateHint")}>
              <Input id="bill-month" type="month" required value={month} onChange={(e) => setMonth(e.target.value)} />
            </Field>
            <Button type="submit" disabled={generate.isPending}>
              {t("bills.generate")}
            </Button>
          </form>
          {generate.isSuccess ? (
            <p role="status" className="mt-2 text-sm text-emerald-700">
              {t("bills.generated", { count: generate.data.lineCount })}
            </p>
          ) : null}
          {generate.isError ? <ErrorNotice>{errorText(generate.error)}</ErrorNotice> : null}
        </Card>
      ) : null}

      {bills.isPending ? (
        <LoadingRows label={t("common.loading")} />
      ) : bills.isError ? (
        <ErrorNotice>{errorText(bills.error)}</ErrorNotice>
      ) : bills.data.bills.length === 0 ? (
        <EmptyState title={t("bills.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {["billId", "status", "amount", "platformFee", "settlement", "lines", "expectedPayment", "reconciled"].map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">
                    {t(`bills.col.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {bills.data.bills.map((bill) => (
                <tr key={bill.uuid} data-testid={`bill-row-${bill.billId}`}>
                  <td className="px-3 py-2 font-mono">
                    <Link className="text-brand-700 underline" href={`/bills/${bill.uuid}`}>
                      {bill.billId}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={bill.status === "paid" ? "green" : bill.status.endsWith("rejected") || bill.status.endsWith("error") || bill.status.endsWith("failed") ? "red" : "blue"}>
                      {t(`bills.statuses.${bill.status}`)}
                    </Badge>
                  </td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.amount)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.platformFee)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.settlement)}</td>
                  <td className="px-3 py-2 text-right">{bill.lineCount}</td>
                  <td className="px-3 py-2">{bill.expectedPaymentDate ?? "—"}</td>
                  <td className="px-3 py-2">
                    {bill.lastImport === null ? (
                      <span className="text-slate-500">{t("bills.notReconciled")}</span>
                    ) : bill.lastImport.differenceCount === 0 ? (
                      <Badge tone="green">{t("bills.matches")}</Badge>
                    ) : (
                      <Badge tone="amber">{t("bills.differences", { count: bill.lastImport.differenceCount })}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
