"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { useHuaweiChecklist, useRecordHuaweiInvoice, useSaveChecklist, useVoidHuaweiInvoice } from "@/features/invoices/huawei/api/huawei-invoices";
import { ApiError } from "@/lib/api-client";
import type { HuaweiChecklistDetail, SplitPartDto } from "@/lib/contracts/huawei-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";
import { DeadlineBadge } from "./deadline-badge";
import { useFieldErrors } from "./field-errors";
import { HuaweiBuyerCard } from "./huawei-buyer-card";

// Printing shows the checklist document only, whatever the console around it.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  #huawei-checklist-print, #huawei-checklist-print * { visibility: visible !important; }
  #huawei-checklist-print { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0; box-shadow: none; }
}`;

export function HuaweiChecklist({ billUuid, canWrite }: { billUuid: string; canWrite: boolean }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const detail = useHuaweiChecklist(billUuid);
  if (detail.isPending) return <LoadingRows label={t("common.loading")} />;
  if (detail.isError) return <ErrorNotice>{errorText(detail.error)}</ErrorNotice>;
  const data = detail.data;
  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="flex items-center gap-3 text-lg font-semibold text-slate-900">
          {t("huaweiInvoices.detailTitle", { billId: data.bill.billId, category: t(`fees.categories.${data.bill.category}`) })}
          <DeadlineBadge deadline={data.deadline} />
        </h2>
        <div className="flex items-center gap-3 text-sm">
          <Button variant="secondary" disabled={!data.printable} onClick={() => window.print()} title={data.printable ? undefined : t("huaweiInvoices.printBlocked")}>
            {t("huaweiInvoices.print")}
          </Button>
          <Link className="text-brand-700 underline" href={`/bills/${data.bill.uuid}`}>{t("huaweiInvoices.openBill")}</Link>
          <Link className="text-brand-700 underline" href="/invoices/huawei">{t("huaweiInvoices.back")}</Link>
        </div>
      </div>
      {!data.printable ? <p className="text-sm text-amber-800" role="note">{t("huaweiInvoices.printBlocked")}</p> : null}
      <ChecklistForm key={data.checklist?.updatedAt ?? "new"} data={data} canWrite={canWrite} />
      <ChecklistDocument data={data} />
      <InvoicesCard data={data} canWrite={canWrite} />
      <HuaweiBuyerCard canWrite={canWrite} />
    </div>
  );
}

function ChecklistForm({ data, canWrite }: { data: HuaweiChecklistDetail; canWrite: boolean }) {
  const t = useTranslations("huaweiInvoices");
  const errorText = useApiErrorText();
  const save = useSaveChecklist(data.bill.uuid);
  const fieldError = useFieldErrors(save.error);
  const [paymentRequestNo, setPaymentRequestNo] = useState(data.checklist?.paymentRequestNo ?? "");
  const [settlementPeriod, setSettlementPeriod] = useState(data.checklist?.settlementPeriod ?? "");
  const [invoiceAmount, setInvoiceAmount] = useState(data.checklist?.invoiceAmount ?? data.defaultInvoiceAmount);
  const [noticeDate, setNoticeDate] = useState(data.checklist?.noticeDate ?? "");
  const [rates, setRates] = useState<Record<string, string>>(Object.fromEntries(data.products.map((p) => [p.productCode, p.taxRatePercent])));
  if (!canWrite) {
    return (
      <Card title={t("checklistTitle")}>
        {data.checklist ? null : <p className="mb-2 text-sm text-slate-600">{t("noChecklistYet")}</p>}
        <ProductRatesTable data={data} />
      </Card>
    );
  }
  return (
    <Card title={t("checklistTitle")}>
      <p className="mb-3 text-xs text-slate-500">{t("checklistHint")}</p>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ paymentRequestNo, settlementPeriod, invoiceAmount, productRates: rates, noticeDate: noticeDate || null });
        }}
      >
        <div className="grid gap-3 md:grid-cols-4">
          <Field label={t("fields.paymentRequestNo")} htmlFor="hw-payment-request-no" error={fieldError("paymentRequestNo")}>
            <Input id="hw-payment-request-no" required value={paymentRequestNo} aria-invalid={fieldError("paymentRequestNo") ? true : undefined} onChange={(e) => setPaymentRequestNo(e.target.value)} />
          </Field>
          <Field label={t("fields.settlementPeriod")} htmlFor="hw-settlement-period" error={fieldError("settlementPeriod")} hint={t("fields.settlementPeriodHint")}>
            <Input id="hw-settlement-period" required value={settlementPeriod} aria-invalid={fieldError("settlementPeriod") ? true : undefined} onChange={(e) => setSettlementPeriod(e.target.value)} />
          </Field>
          <Field label={t("fields.invoiceAmount")} htmlFor="hw-invoice-amount" error={fieldError("invoiceAmount")} hint={t("fields.invoiceAmountHint", { settlement: formatYuan(data.defaultInvoiceAmount) })}>
            <Input id="hw-invoice-amount" inputMode="decimal" required value={invoiceAmount} aria-invalid={fieldError("invoiceAmount") ? true : undefined} onChange={(e) => setInvoiceAmount(e.target.value)} />
          </Field>
          <Field label={t("fields.noticeDate")} htmlFor="hw-notice-date" error={fieldError("noticeDate")} hint={t("fields.noticeDateHint")}>
            <Input id="hw-notice-date" type="date" value={noticeDate} onChange={(e) => setNoticeDate(e.target.value)} />
          </Field>
        </div>
        {data.products.length > 0 ? (
          <ProductRatesTable
            data={data}
            rateCell={(product) => (
              <>
                <label className="sr-only" htmlFor={`hw-rate-${product.productCode}`}>{t("rateFor", { product: product.productCode })}</label>
                <Input
                  id={`hw-rate-${product.productCode}`}
                  className="w-24"
                  inputMode="decimal"
                  value={rates[product.productCode] ?? ""}
                  aria-invalid={fieldError(`productRates.${product.productCode}`) ? true : undefined}
                  onChange={(e) => setRates({ ...rates, [product.productCode]: e.target.value })}
                />
                {fieldError(`productRates.${product.productCode}`) ? <p role="alert" className="text-xs text-red-700">{fieldError(`productRates.${product.productCode}`)}</p> : null}
              </>
            )}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("noLines", { rate: data.defaultTaxRatePercent })}</p>
        )}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>{t("saveChecklist")}</Button>
          {save.isSuccess ? <span role="status" className="text-sm text-emerald-700">{t("saved")}</span> : null}
        </div>
        {save.isError && !(save.error instanceof ApiError && save.error.issues.length > 0) ? <ErrorNotice>{errorText(save.error)}</ErrorNotice> : null}
      </form>
    </Card>
  );
}

type ChecklistProduct = HuaweiChecklistDetail["products"][number];

// The products and their tax rates: read-only by default, or with the rate cell the checklist form supplies.
function ProductRatesTable({
  data,
  rateCell = (product) => `${product.taxRatePercent}%`,
}: {
  data: HuaweiChecklistDetail;
  rateCell?: (product: ChecklistProduct) => ReactNode;
}) {
  const t = useTranslations("huaweiInvoices");
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="product-rates">
      <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="px-3 py-2">{t("col.product")}</th>
          <th scope="col" className="px-3 py-2 text-right">{t("col.settlement")}</th>
          <th scope="col" className="px-3 py-2">{t("col.taxRate")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {data.products.map((product) => (
          <tr key={product.productCode}>
            <td className="px-3 py-2 font-mono">{product.productCode}</td>
            <td className="px-3 py-2 text-right font-mono">{formatYuan(product.settlement)}</td>
            <td className="px-3 py-2">{rateCell(product)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The 开票清单 as a document: what goes on each invoice, ready to print and attach.
function ChecklistDocument({ data }: { data: HuaweiChecklistDetail }) {
  const t = useTranslations("huaweiInvoices");
  const buyer = data.buyer;
  const rows: [string, string, string?][] = [
    [t("fields.invoiceType"), t("invoiceTypeValue")],
    [t("fields.invoiceAmount"), formatYuan(data.checklist?.invoiceAmount ?? data.defaultInvoiceAmount), "checklist-amount"],
    [t("fields.paymentRequestNo"), data.checklist?.paymentRequestNo ?? "—", "checklist-payment-request-no"],
    [t("fields.settlementPeriod"), data.checklist?.settlementPeriod ?? "—", "checklist-settlement-period"],
    [t("fields.deadline"), data.deadline.kind === "issued" ? t("deadline.issued") : data.deadline.deadline],
  ];
  return (
    <section id="huawei-checklist-print" aria-labelledby="checklist-doc-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <h3 id="checklist-doc-title" className="text-center text-lg font-semibold">{t("documentTitle", { billId: data.bill.billId })}</h3>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="flex gap-2">
            <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
            <dd className="font-mono" data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      <h4 className="mt-5 text-sm font-semibold">{t("buyerBlock")}</h4>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {(["name", "taxpayerId", "address", "phone", "bankName", "bankAccount"] as const).map((field) => (
          <div key={field} className="flex gap-2">
            <dt className="w-28 shrink-0 text-slate-500">{t(`buyer.fields.${field}`)}</dt>
            <dd className="break-all">{buyer[field] || "—"}</dd>
          </div>
        ))}
      </dl>
      <h4 className="mt-5 text-sm font-semibold">{t("splitTitle")}</h4>
      {data.splitProblem ? <ErrorNotice>{t(`splitProblems.${data.splitProblem as "zeroBase"}`)}</ErrorNotice> : null}
      <table className="mt-2 min-w-full divide-y divide-slate-300 border border-slate-300 text-sm" data-testid="checklist-split">
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {(["index", "taxRate", "amount", "amountExcludingTax", "tax", "invoiceNumber", "invoiceDate"] as const).map((key) => (
              <th key={key} scope="col" className="px-3 py-2">{t(`col.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {data.split.map((part, index) => (
            <tr key={part.taxRatePercent} data-testid={`split-${part.taxRatePercent}`}>
              <td className="px-3 py-2">{index + 1}</td>
              <td className="px-3 py-2">{part.taxRatePercent}%</td>
              <td className="px-3 py-2 text-right font-mono">{formatYuan(part.amount)}</td>
              <td className="px-3 py-2 text-right font-mono">{formatYuan(part.amountExcludingTax)}</td>
              <td className="px-3 py-2 text-right font-mono">{formatYuan(part.tax)}</td>
              <td className="px-3 py-2 font-mono">{part.invoice?.invoiceNumber ?? ""}</td>
              <td className="px-3 py-2">{part.invoice?.invoiceDate ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 text-sm">
        <span className="text-slate-500">{t("fields.remark")}：</span>
        {data.remark ? (
          <span className="font-mono" data-testid="checklist-remark">{data.remark}</span>
        ) : (
          <span className="text-amber-800">{t("remarkMissing")}</span>
        )}
      </div>
      <ul className="mt-4 list-disc space-y-1 pl-5 text-xs text-slate-600">
        {(["rule1", "rule2", "rule3", "rule4"] as const).map((rule) => <li key={rule}>{t(`rules.${rule}`)}</li>)}
      </ul>
    </section>
  );
}

function InvoicesCard({ data, canWrite }: { data: HuaweiChecklistDetail; canWrite: boolean }) {
  const t = useTranslations("huaweiInvoices");
  const errorText = useApiErrorText();
  const voidInvoice = useVoidHuaweiInvoice(data.bill.uuid);
  return (
    <Card title={t("invoicesTitle")}>
      {!data.checklist ? <p className="text-sm text-slate-600">{t("saveChecklistFirst")}</p> : null}
      <div className="space-y-3">
        {data.split.map((part) => (
          <InvoiceRow key={part.taxRatePercent} billUuid={data.bill.uuid} part={part} canWrite={canWrite && data.checklist !== null} />
        ))}
      </div>
      {data.strayInvoices.length > 0 ? (
        <div className="mt-3 space-y-2">
          {data.strayInvoices.map((stray) => (
            <div key={stray.taxRatePercent} role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("stray", { rate: stray.taxRatePercent, number: stray.invoiceNumber })}
              {canWrite ? <Button variant="danger" onClick={() => voidInvoice.mutate(stray.taxRatePercent)}>{t("void")}</Button> : null}
            </div>
          ))}
        </div>
      ) : null}
      {voidInvoice.isError ? <ErrorNotice>{errorText(voidInvoice.error)}</ErrorNotice> : null}
    </Card>
  );
}

function InvoiceRow({ billUuid, part, canWrite }: { billUuid: string; part: SplitPartDto; canWrite: boolean }) {
  const t = useTranslations("huaweiInvoices");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const record = useRecordHuaweiInvoice(billUuid);
  const voidInvoice = useVoidHuaweiInvoice(billUuid);
  const fieldError = useFieldErrors(record.error);
  const [invoiceNumber, setInvoiceNumber] = useState(part.invoice?.invoiceNumber ?? "");
  const [invoiceDate, setInvoiceDate] = useState(part.invoice?.invoiceDate ?? "");
  const id = part.taxRatePercent.replace(".", "_");
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={`invoice-row-${part.taxRatePercent}`}>
      <p className="text-sm font-medium">
        {t("invoiceAtRate", { rate: part.taxRatePercent, amount: formatYuan(part.amount) })}
        {part.invoice ? (
          <span className="ml-2 text-emerald-700">
            {t("recorded", { number: part.invoice.invoiceNumber, date: part.invoice.invoiceDate, by: part.invoice.recordedBy ?? "—", at: format.dateTime(new Date(part.invoice.recordedAt), { dateStyle: "medium", timeStyle: "short" }) })}
          </span>
        ) : null}
      </p>
      {canWrite ? (
        <form
          noValidate
          className="mt-2 flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate({ taxRatePercent: part.taxRatePercent, invoiceNumber, invoiceDate });
          }}
        >
          <Field label={t("fields.invoiceNumber")} htmlFor={`hw-invoice-number-${id}`} error={fieldError("invoiceNumber")}>
            <Input id={`hw-invoice-number-${id}`} inputMode="numeric" value={invoiceNumber} aria-invalid={fieldError("invoiceNumber") ? true : undefined} onChange={(e) => setInvoiceNumber(e.target.value)} />
          </Field>
          <Field label={t("fields.invoiceDate")} htmlFor={`hw-invoice-date-${id}`} error={fieldError("invoiceDate")}>
            <Input id={`hw-invoice-date-${id}`} type="date" value={invoiceDate} aria-invalid={fieldError("invoiceDate") ? true : undefined} onChange={(e) => setInvoiceDate(e.target.value)} />
          </Field>
          <Button type="submit" disabled={record.isPending}>{part.invoice ? t("correctInvoice") : t("recordInvoice")}</Button>
          {part.invoice ? <Button variant="danger" onClick={() => voidInvoice.mutate(part.taxRatePercent)}>{t("void")}</Button> : null}
        </form>
      ) : null}
      {record.isError && !(record.error instanceof ApiError && record.error.issues.length > 0) ? <ErrorNotice>{errorText(record.error)}</ErrorNotice> : null}
      {voidInvoice.isError ? <ErrorNotice>{errorText(voidInvoice.error)}</ErrorNotice> : null}
    </div>
  );
}
