"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { useBill, useImportBill, useSetBillStatus } from "@/features/bills/api/bills";
import {
  BILL_STATUS_VALUES,
  type BillDetail as BillDetailDto,
  type BillDifferenceDto,
  type BillStatusValue,
  type ImportBillInput,
} from "@/lib/contracts/bills";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function BillDetail({ uuid, canWrite }: { uuid: string; canWrite: boolean }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const bill = useBill(uuid);
  if (bill.isPending) return <LoadingRows label={t("common.loading")} />;
  if (bill.isError) return <ErrorNotice>{errorText(bill.error)}</ErrorNotice>;
  const data = bill.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">
          {t("bills.detailTitle", { billId: data.billId, category: t(`fees.categories.${data.category}`) })}
        </h2>
        <div className="flex gap-3 text-sm">
          <a className="text-brand-700 underline" href={`/api/bills/${uuid}/export`} download>
            {t("bills.exportCsv")}
          </a>
          <a className="text-brand-700 underline" href={`/api/bills/${uuid}/export?format=xlsx`} download>
            {t("bills.exportXlsx")}
          </a>
          <Link className="text-brand-700 underline" href={`/bills?category=${data.category}`}>
            {t("bills.back")}
          </Link>
        </div>
      </div>
      <Card title={t("bills.summaryTitle")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {(
            [
              ["status", t(`bills.statuses.${data.status}`)],
              ["amount", formatYuan(data.amount)],
              ["platformFee", formatYuan(data.platformFee)],
              ["settlement", formatYuan(data.settlement)],
              ["lines", String(data.lineCount)],
              ["expectedPayment", data.expectedPaymentDate ?? "—"],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs text-slate-500">{t(`bills.col.${key}`)}</dt>
              <dd className="font-mono" data-testid={`bill-${key}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-slate-500">
          {t("bills.expectedPaymentHint", { invoice: data.category === "general" ? "" : t("bills.invoiceDays") })}
        </p>
      </Card>
      <StatusCard bill={data} canWrite={canWrite} />
      <ImportCard bill={data} canWrite={canWrite} />
      <LinesCard bill={data} />
    </div>
  );
}

function StatusCard({ bill, canWrite }: { bill: BillDetailDto; canWrite: boolean }) {
  const t = useTranslations("bills");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const setStatus = useSetBillStatus(bill.uuid);
  const [status, setStatusValue] = useState<BillStatusValue>(bill.status);
  const [note, setNote] = useState("");
  return (
    <Card title={t("statusTitle")}>
      {canWrite ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setStatus.mutate({ status, note: note || undefined }, { onSuccess: () => setNote("") });
          }}
        >
          <Field label={t("statusLabel")} htmlFor="bill-status">
            <Select id="bill-status" value={status} onChange={(e) => setStatusValue(e.target.value as BillStatusValue)}>
              {BILL_STATUS_VALUES.map((value) => (
                <option key={value} value={value}>{t(`statuses.${value}`)}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("statusNote")} htmlFor="bill-status-note">
            <Input id="bill-status-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <Button type="submit" disabled={setStatus.isPending}>
            {t("setStatus")}
          </Button>
          {setStatus.isSuccess ? <span role="status" className="text-sm text-emerald-700">{t("statusSaved")}</span> : null}
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
      {setStatus.isError ? <ErrorNotice>{errorText(setStatus.error)}</ErrorNotice> : null}
      <h3 className="mt-4 text-sm font-semibold text-slate-800">{t("historyTitle")}</h3>
      <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm" data-testid="bill-history">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            {["when", "who", "from", "to", "note"].map((key) => (
              <th key={key} scope="col" className="px-3 py-2">{t(`col.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bill.history.map((change, i) => (
            <tr key={i}>
              <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(change.changedAt), { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="px-3 py-2">{change.actorEmail ?? "—"}</td>
              <td className="px-3 py-2">{change.fromStatus ? t(`statuses.${change.fromStatus as BillStatusValue}`) : "—"}</td>
              <td className="px-3 py-2">{t(`statuses.${change.toStatus as BillStatusValue}`)}</td>
              <td className="px-3 py-2 text-slate-600">{change.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function Differences({ differences }: { differences: BillDifferenceDto[] }) {
  const t = useTranslations("bills");
  if (differences.length === 0) return <p className="text-sm text-emerald-700">{t("noDifferences")}</p>;
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bill-differences">
      <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
        <tr>
          {["orderId", "difference", "console", "imported"].map((key) => (
            <th key={key} scope="col" className="px-3 py-2">{t(`col.${key}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {differences.map((d) => (
          <tr key={`${d.orderId}-${d.kind}`}>
            <td className="px-3 py-2 font-mono">{d.orderId}</td>
            <td className="px-3 py-2">{t(`differenceKinds.${d.kind as "amount"}`)}</td>
            <td className="px-3 py-2 text-right font-mono">{d.console === null ? "—" : formatYuan(d.console)}</td>
            <td className="px-3 py-2 text-right font-mono">{d.imported === null ? "—" : formatYuan(d.imported)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// CSV goes as text; an Excel workbook as base64 (the API takes JSON only).
const readImportFile = async (file: File): Promise<ImportBillInput> => {
  if (!/\.xlsx$/i.test(file.name)) return { fileName: file.name, content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
};

function ImportCard({ bill, canWrite }: { bill: BillDetailDto; canWrite: boolean }) {
  const t = useTranslations("bills");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const importBill = useImportBill(bill.uuid);
  return (
    <Card title={t("importTitle")}>
      {canWrite ? (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("importHint")}</p>
          <Field label={t("importFile")} htmlFor="bill-import">
            <input
              id="bill-import"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={importBill.isPending}
              className="block text-sm"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                importBill.mutate(await readImportFile(file));
                event.target.value = "";
              }}
            />
          </Field>
          {importBill.isError ? <ErrorNotice>{errorText(importBill.error)}</ErrorNotice> : null}
        </>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold text-slate-800">{t("importsTitle")}</h3>
      <ul className="mt-2 space-y-4">
        {bill.imports.map((row) => (
          <li key={row.id}>
            <p className="text-sm text-slate-700">
              {format.dateTime(new Date(row.importedAt), { dateStyle: "medium", timeStyle: "short" })} · {row.fileName} ·{" "}
              {t("importResult", {
                lines: row.lineCount,
                result: row.differenceCount === 0 ? t("matches") : t("differences", { count: row.differenceCount }),
              })}
            </p>
            <Differences differences={row.differences} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function LinesCard({ bill }: { bill: BillDetailDto }) {
  const t = useTranslations("bills");
  const format = useFormatter();
  return (
    <Card title={t("linesTitle", { shown: bill.lines.length, total: bill.totalLines })}>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              {["orderId", "product", "kind", "attributedAt", "amount", "rate", "platformFee", "settlement"].map((key) => (
                <th key={key} scope="col" className="px-3 py-2">{t(`col.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bill.lines.map((line) => (
              <tr key={`${line.orderId}-${line.kind}`}>
                <td className="px-3 py-2 font-mono">{line.orderId}</td>
                <td className="px-3 py-2 font-mono text-xs">{line.productCode}</td>
                <td className="px-3 py-2">{t(`kinds.${line.kind as "new"}`)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(line.attributedAt), { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" })}</td>
                <td className="px-3 py-2 text-right font-mono">{formatYuan(line.amount)}</td>
                <td className="px-3 py-2 text-right">{line.platformFeePercent}%</td>
                <td className="px-3 py-2 text-right font-mono">{formatYuan(line.platformFee)}</td>
                <td className="px-3 py-2 text-right font-mono">{formatYuan(line.settlement)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
