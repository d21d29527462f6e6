"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { postagePayer } from "@/domain/invoices/buyer/postage";
import type { BuyerInvoiceAction } from "@/domain/invoices/buyer/status";
import { useBuyerInvoice, useBuyerInvoiceAction } from "@/features/invoices/buyer/api/buyer-invoices";
import { useFieldErrors } from "@/features/invoices/huawei/components/field-errors";
import { ApiError } from "@/lib/api-client";
import type { BuyerInvoiceDetail as Detail } from "@/lib/contracts/buyer-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";
import { BuyerInvoiceStatusBadge } from "./buyer-invoice-status-badge";
import { RefundBlockNotice } from "./refund-block-banner";

export function BuyerInvoiceDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const request = useBuyerInvoice(id);
  if (request.isPending) return <LoadingRows label={t("common.loading")} />;
  if (request.isError) return <ErrorNotice>{errorText(request.error)}</ErrorNotice>;
  const data = request.data;
  const facts: [string, string | null][] = [
    ["orderId", data.orderId],
    ["buyer", data.buyerName],
    ["amount", formatYuan(data.amount)],
    ["titleType", t(`buyerInvoices.titleTypes.${data.titleType}`)],
    ["title", data.title],
    ["taxpayerId", data.taxpayerId],
    ["invoiceKind", t(`buyerInvoices.kinds.${data.invoiceKind}`)],
    ["receiverEmail", data.receiverEmail],
    ["mailingRecipient", data.mailingRecipient],
    ["mailingPhone", data.mailingPhone],
    ["mailingAddress", data.mailingAddress],
    ["requestedAt", format.dateTime(new Date(data.requestedAt), { dateStyle: "medium" })],
    ["invoiceNumber", data.invoiceNumber],
    ["invoiceDate", data.invoiceDate],
    ["reason", data.reason],
    ["source", t(`buyerInvoices.sources.${data.source === "manual" ? "manual" : "other"}`)],
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="flex items-center gap-3 text-lg font-semibold text-slate-900">
          {t("buyerInvoices.detailTitle", { orderId: data.orderId })}
          <BuyerInvoiceStatusBadge status={data.status} />
        </h2>
        <div className="flex gap-3 text-sm">
          <Link className="text-brand-700 underline" href={`/orders/${encodeURIComponent(data.orderId)}`}>{t("buyerInvoices.openOrder")}</Link>
          <Link className="text-brand-700 underline" href="/invoices/buyer">{t("buyerInvoices.back")}</Link>
        </div>
      </div>
      <Card title={t("buyerInvoices.refund.title")}>
        <RefundBlockNotice verdict={data.refund} />
      </Card>
      <Card title={t("buyerInvoices.detailsTitle")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {facts.map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs text-slate-500">{t(`buyerInvoices.fields.${key}`)}</dt>
              <dd className="break-all" data-testid={`bi-${key}`}>{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
        {postagePayer(data.invoiceKind, data.amount) ? (
          <p className="mt-3 text-xs text-slate-600" data-testid="bi-postage">{t(`buyerInvoices.postage.${postagePayer(data.invoiceKind, data.amount)!}`)}</p>
        ) : null}
      </Card>
      {canWrite && data.actions.length > 0 ? <ActionsCard data={data} /> : null}
      <Card title={t("buyerInvoices.historyTitle")}>
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="buyer-invoice-history">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              {(["when", "who", "action", "to", "reason"] as const).map((key) => (
                <th key={key} scope="col" className="px-3 py-2">{t(`buyerInvoices.col.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.events.map((event, index) => (
              <tr key={index}>
                <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(event.occurredAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                <td className="px-3 py-2">{event.actorEmail ?? "—"}</td>
                <td className="px-3 py-2">{t(`buyerInvoices.actions.${event.action as BuyerInvoiceAction | "create"}`)}</td>
                <td className="px-3 py-2">{t(`buyerInvoices.statuses.${event.toStatus as Detail["status"]}`)}</td>
                <td className="px-3 py-2 text-slate-600">{event.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

function ActionsCard({ data }: { data: Detail }) {
  const t = useTranslations("buyerInvoices");
  const errorText = useApiErrorText();
  const act = useBuyerInvoiceAction(data.id);
  const fieldError = useFieldErrors(act.error);
  const [reason, setReason] = useState("");
  const [invoiceNumber, setInvoiceNumber] = useState("");
  const [invoiceDate, setInvoiceDate] = useState("");
  const needsReason = data.actions.includes("reject") || data.actions.includes("return");
  return (
    <Card title={t("actionsTitle")}>
      <p className="mb-3 text-xs text-slate-500">{t(`actionHints.${data.status}`)}</p>
      <div className="flex flex-wrap items-end gap-3">
        {data.actions.includes("issue") ? (
          <>
            <Field label={t("fields.invoiceNumber")} htmlFor="bi-act-invoice-number" error={fieldError("invoiceNumber")}>
              <Input id="bi-act-invoice-number" inputMode="numeric" value={invoiceNumber} aria-invalid={fieldError("invoiceNumber") ? true : undefined} onChange={(e) => setInvoiceNumber(e.target.value)} />
            </Field>
            <Field label={t("fields.invoiceDate")} htmlFor="bi-act-invoice-date" error={fieldError("invoiceDate")}>
              <Input id="bi-act-invoice-date" type="date" value={invoiceDate} aria-invalid={fieldError("invoiceDate") ? true : undefined} onChange={(e) => setInvoiceDate(e.target.value)} />
            </Field>
          </>
        ) : null}
        {needsReason ? (
          <Field label={t("fields.reason")} htmlFor="bi-act-reason" error={fieldError("reason")}>
            <Input id="bi-act-reason" value={reason} aria-invalid={fieldError("reason") ? true : undefined} onChange={(e) => setReason(e.target.value)} />
          </Field>
        ) : null}
        {data.actions.map((action) => (
          <Button
            key={action}
            variant={action === "reject" || action === "return" ? "danger" : "primary"}
            disabled={act.isPending}
            onClick={() => {
              const input =
                action === "reject" || action === "return"
                  ? { action, reason }
                  : action === "issue"
                    ? { action, invoiceNumber, invoiceDate }
                    : { action };
              act.mutate(input, { onSuccess: () => setReason("") });
            }}
          >
            {t(`actions.${action}`)}
          </Button>
        ))}
      </div>
      {act.isError && !(act.error instanceof ApiError && act.error.issues.length > 0) ? <ErrorNotice>{errorText(act.error)}</ErrorNotice> : null}
    </Card>
  );
}
