"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { groupMates, resolveSelection } from "@/domain/invoices/platform-fee/platform-fee-request";
import { invoiceHeader } from "@/domain/invoices/templates/invoice-template";
import { useTemplates } from "@/features/invoice-templates/api/invoice-templates";
import { useCreateRequest, useEligibleBills, useSetPaymentRequestNo } from "@/features/invoices/platform-fee/api/platform-fee-invoices";
import { ApiError } from "@/lib/api-client";
import type { EligibleBillDto } from "@/lib/contracts/platform-fee-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";

function PaymentRequestNo({ bill, canWrite }: { bill: EligibleBillDto; canWrite: boolean }) {
  const t = useTranslations("invoices.platformFee");
  const errorText = useApiErrorText();
  const save = useSetPaymentRequestNo();
  const [value, setValue] = useState(bill.paymentRequestNo ?? "");
  if (!canWrite) return <span className="font-mono">{bill.paymentRequestNo ?? "—"}</span>;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ billUuid: bill.uuid, paymentRequestNo: value.trim() });
      }}
    >
      <Input className="w-40 font-mono" aria-label={t("paymentRequestNoFor", { billId: bill.billId })} value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" variant="ghost" disabled={save.isPending || value.trim() === (bill.paymentRequestNo ?? "")}>
        {t("savePaymentRequestNo")}
      </Button>
      {save.isError ? <span role="alert" className="text-xs text-red-700">{errorText(save.error)}</span> : null}
    </form>
  );
}

export function NewPlatformFeeRequest({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("invoices.platformFee");
  const tt = useTranslations("invoiceTemplates");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const router = useRouter();
  const eligible = useEligibleBills();
  const templates = useTemplates();
  const create = useCreateRequest();
  const [ticked, setTicked] = useState<string[]>([]);

  const bills = useMemo(() => eligible.data?.bills ?? [], [eligible.data]);
  const forced = useMemo(() => new Set(eligible.data?.forcedBillUuids ?? []), [eligible.data]);
  const selection = useMemo(() => resolveSelection(bills, ticked), [bills, ticked]);
  const included = new Set(selection.ok ? selection.selection.billUuids : [...forced]);
  const negativeLines = bills.filter((bill) => forced.has(bill.uuid) || included.has(bill.uuid)).flatMap((bill) => bill.negativeLines.map((line) => ({ ...line, billId: bill.billId })));
  const active = templates.data?.templates.find((template) => template.status === "active") ?? null;

  const toggle = (uuid: string, on: boolean) => {
    const mates = groupMates(bills, uuid);
    setTicked((current) => (on ? [...new Set([...current, ...mates])] : current.filter((id) => !mates.includes(id))));
  };

  if (eligible.isPending || templates.isPending) return <LoadingRows label={tc("loading")} />;
  if (eligible.isError) return <ErrorNotice>{errorText(eligible.error)}</ErrorNotice>;
  if (bills.length === 0) return <EmptyState title={t("noEligible")} />;

  const totals = selection.ok ? selection.selection : null;
  const submitError = create.isError
    ? create.error instanceof ApiError && create.error.issues[0] && t.has(create.error.issues[0].code.replace(/^invoices\.platformFee\./, ""))
      ? t(create.error.issues[0].code.replace(/^invoices\.platformFee\./, ""))
      : errorText(create.error)
    : null;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("groupHint")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="eligible-bills">
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t("col.select")}</th>
              <th scope="col" className="px-3 py-2">{t("col.billId")}</th>
              <th scope="col" className="px-3 py-2">{t("paymentRequestNo")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("col.amount")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("col.platformFee")}</th>
              <th scope="col" className="px-3 py-2">{t("col.negativeCount")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bills.map((bill) => {
              const isForced = forced.has(bill.uuid);
              const negatives = bill.negativeLines.length;
              return (
                <tr key={bill.uuid} data-testid={`eligible-bill-${bill.billId}`}>
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      className="size-4"
                      aria-label={t("selectBill", { billId: bill.billId })}
                      checked={isForced || included.has(bill.uuid)}
                      disabled={isForced || !canWrite}
                      onChange={(event) => toggle(bill.uuid, event.target.checked)}
                    />
                  </td>
                  <td className="px-3 py-2 font-mono">
                    <Link className="text-brand-700 underline" href={`/bills/${bill.uuid}`}>
                      {bill.billId}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <PaymentRequestNo bill={bill} canWrite={canWrite} />
                  </td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.amount)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(bill.platformFee)}</td>
                  <td className="px-3 py-2">{isForced ? <Badge tone="amber">{t("forced")}</Badge> : negatives ? negatives : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {negativeLines.length ? (
        <Card title={t("negativeTitle")}>
          <p className="mb-2 text-sm text-slate-600">{t("negativeHint")}</p>
          <table className="min-w-full text-sm" data-testid="negative-orders">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1">{t("col.select")}</th>
                <th scope="col" className="px-2 py-1">{t("col.orderId")}</th>
                <th scope="col" className="px-2 py-1">{t("col.billId")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("col.amount")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("col.platformFee")}</th>
              </tr>
            </thead>
            <tbody>
              {negativeLines.map((line) => (
                <tr key={`${line.billId}-${line.orderId}`}>
                  <td className="px-2 py-1">
                    <input type="checkbox" className="size-4" checked disabled readOnly aria-label={t("forcedNegative", { orderId: line.orderId })} />
                  </td>
                  <td className="px-2 py-1 font-mono">{line.orderId}</td>
                  <td className="px-2 py-1 font-mono">{line.billId}</td>
                  <td className="px-2 py-1 text-right font-mono">{formatYuan(line.amount)}</td>
                  <td className="px-2 py-1 text-right font-mono">{formatYuan(line.platformFee)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}

      <Card title={t("template")}>
        {active ? (
          <div className="text-sm">
            <p className="font-medium">
              {active.current.title} · {tt(`kinds.${active.current.invoiceKind}`)} · {tt("version", { version: active.currentVersion })}
            </p>
            <dl className="mt-2 space-y-1 text-slate-700">
              {invoiceHeader(active.current).map((line) => (
                <div key={line.label} className="grid grid-cols-[7rem_1fr] gap-2">
                  <dt className="text-slate-500">{tt(`preview.${line.label}`)}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : (
          <p className="text-sm text-amber-800">
            {t("noActiveTemplate")}{" "}
            <Link className="underline" href="/invoice-templates">
              {t("templatesLink")}
            </Link>
          </p>
        )}
      </Card>

      <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
        <dl className="flex flex-wrap gap-6 text-sm">
          <div>
            <dt className="text-slate-500">{t("positive")}</dt>
            <dd className="font-mono">{totals ? formatYuan(totals.positive.toFixed(2)) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("negative")}</dt>
            <dd className="font-mono">{totals ? formatYuan(totals.negative.toFixed(2)) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("net")}</dt>
            <dd className="font-mono text-base font-semibold" data-testid="net-amount">
              {totals ? formatYuan(totals.net.toFixed(2)) : "—"}
            </dd>
          </div>
        </dl>
        {canWrite ? (
          <div className="flex flex-col items-end gap-1">
            <Button
              disabled={!active || !selection.ok || create.isPending}
              onClick={async () => {
                if (!active) return;
                const result = await create.mutateAsync({ billUuids: ticked.length ? ticked : [...forced], templateId: active.id }).catch(() => null);
                if (result) router.push(`/invoices/platform-fee/${result.id}`);
              }}
            >
              {t("submit")}
            </Button>
            {!selection.ok && ticked.length > 0 ? (
              <span role="alert" className="text-xs text-red-700">
                {t(`errors.${selection.problem === "unknownBill" ? "billNotEligible" : selection.problem === "empty" ? "noBills" : "netNotPositive"}`)}
              </span>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("readOnly")}</p>
        )}
      </div>
      {submitError ? <ErrorNotice>{submitError}</ErrorNotice> : null}
    </div>
  );
}
