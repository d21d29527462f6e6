"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { BUYER_INVOICE_KINDS, TITLE_TYPES, type BuyerInvoiceKind, type TitleType } from "@/domain/invoices/buyer/request-rules";
import { BUYER_INVOICE_STATUSES, isBuyerInvoiceStatus } from "@/domain/invoices/buyer/status";
import { formatYuan } from "@/domain/fees/money";
import { useBuyerInvoices, useCreateBuyerInvoice } from "@/features/invoices/buyer/api/buyer-invoices";
import { useFieldErrors } from "@/features/invoices/huawei/components/field-errors";
import { ApiError } from "@/lib/api-client";
import { useApiErrorText } from "@/lib/use-api-error-text";
import { BuyerInvoiceStatusBadge } from "./buyer-invoice-status-badge";

export function BuyerInvoiceList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const rawStatus = searchParams.get("status");
  const status = isBuyerInvoiceStatus(rawStatus) ? rawStatus : undefined;
  const orderId = searchParams.get("orderId") ?? undefined;
  const requests = useBuyerInvoices({ status, orderId });
  const [orderFilter, setOrderFilter] = useState(orderId ?? "");
  const setFilter = (next: { status?: string; orderId?: string }) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    router.replace(`${pathname}${params.size ? `?${params.toString()}` : ""}`);
  };

  return (
    <div className="space-y-4">
      {canWrite ? <CreateRequestCard /> : null}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ orderId: orderFilter.trim() });
        }}
      >
        <Field label={t("buyerInvoices.filters.status")} htmlFor="bi-filter-status">
          <Select id="bi-filter-status" value={status ?? ""} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">{t("buyerInvoices.filters.all")}</option>
            {BUYER_INVOICE_STATUSES.map((value) => (
              <option key={value} value={value}>{t(`buyerInvoices.statuses.${value}`)}</option>
            ))}
          </Select>
        </Field>
        <Field label={t("buyerInvoices.filters.orderId")} htmlFor="bi-filter-order">
          <Input id="bi-filter-order" value={orderFilter} onChange={(e) => setOrderFilter(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary">{t("buyerInvoices.filters.apply")}</Button>
      </form>
      {requests.isPending ? (
        <LoadingRows label={t("common.loading")} />
      ) : requests.isError ? (
        <ErrorNotice>{errorText(requests.error)}</ErrorNotice>
      ) : requests.data.requests.length === 0 ? (
        <EmptyState title={t("buyerInvoices.empty")}>{t("buyerInvoices.emptyHint")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {(["orderId", "buyer", "title", "kind", "amount", "status", "requestedAt", "issueBy"] as const).map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">{t(`buyerInvoices.col.${key}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {requests.data.requests.map((request) => (
                <tr key={request.id} data-testid={`buyer-invoice-${request.orderId}`}>
                  <td className="px-3 py-2 font-mono">
                    <Link className="text-brand-700 underline" href={`/invoices/buyer/${request.id}`}>{request.orderId}</Link>
                  </td>
                  <td className="px-3 py-2">{request.buyerName}</td>
                  <td className="px-3 py-2">{request.title}</td>
                  <td className="px-3 py-2">{t(`buyerInvoices.kinds.${request.invoiceKind}`)}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(request.amount)}</td>
                  <td className="px-3 py-2"><BuyerInvoiceStatusBadge status={request.status} /></td>
                  <td className="px-3 py-2 whitespace-nowrap">{request.requestedAt.slice(0, 10)}</td>
                  <td className="px-3 py-2">
                    {request.issueDaysLeft === null ? "—" : request.issueDaysLeft < 0 ? (
                      <Badge tone="red">{t("buyerInvoices.issueLate", { days: -request.issueDaysLeft })}</Badge>
                    ) : (
                      <Badge tone={request.issueDaysLeft <= 2 ? "amber" : "blue"}>{t("buyerInvoices.issueDaysLeft", { days: request.issueDaysLeft })}</Badge>
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

type FormState = {
  orderId: string;
  titleType: TitleType;
  title: string;
  taxpayerId: string;
  invoiceKind: BuyerInvoiceKind;
  receiverEmail: string;
  mailingRecipient: string;
  mailingPhone: string;
  mailingAddress: string;
  requestedAt: string;
};

const EMPTY: FormState = {
  orderId: "",
  titleType: "enterprise",
  title: "",
  taxpayerId: "",
  invoiceKind: "ordinary_digital",
  receiverEmail: "",
  mailingRecipient: "",
  mailingPhone: "",
  mailingAddress: "",
  requestedAt: "",
};

function CreateRequestCard() {
  const t = useTranslations("buyerInvoices");
  const errorText = useApiErrorText();
  const router = useRouter();
  const create = useCreateBuyerInvoice();
  const fieldError = useFieldErrors(create.error);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [open, setOpen] = useState(false);
  const paper = form.invoiceKind.endsWith("_paper");
  const text = (field: keyof FormState, extra: { type?: string; hint?: string } = {}) => (
    <Field label={t(`fields.${field}`)} htmlFor={`bi-${field}`} error={fieldError(field)} hint={extra.hint}>
      <Input
        id={`bi-${field}`}
        type={extra.type ?? "text"}
        value={form[field]}
        aria-invalid={fieldError(field) ? true : undefined}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
      />
    </Field>
  );
  if (!open) {
    return (
      <div>
        <Button onClick={() => setOpen(true)}>{t("create")}</Button>
      </div>
    );
  }
  return (
    <Card title={t("createTitle")}>
      <p className="mb-3 text-xs text-slate-500">{t("createHint")}</p>
      <form
        noValidate
        className="grid gap-3 md:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { ...form, taxpayerId: form.taxpayerId || null, requestedAt: form.requestedAt || undefined },
            {
              onSuccess: ({ id }) => {
                setForm(EMPTY);
                router.push(`/invoices/buyer/${id}`);
              },
            },
          );
        }}
      >
        {text("orderId", { hint: t("fields.orderIdHint") })}
        <Field label={t("fields.titleType")} htmlFor="bi-titleType">
          <Select id="bi-titleType" value={form.titleType} onChange={(e) => setForm({ ...form, titleType: e.target.value as TitleType })}>
            {TITLE_TYPES.map((value) => <option key={value} value={value}>{t(`titleTypes.${value}`)}</option>)}
          </Select>
        </Field>
        <Field label={t("fields.invoiceKind")} htmlFor="bi-invoiceKind" error={fieldError("invoiceKind")}>
          <Select id="bi-invoiceKind" value={form.invoiceKind} aria-invalid={fieldError("invoiceKind") ? true : undefined} onChange={(e) => setForm({ ...form, invoiceKind: e.target.value as BuyerInvoiceKind })}>
            {BUYER_INVOICE_KINDS.map((value) => <option key={value} value={value}>{t(`kinds.${value}`)}</option>)}
          </Select>
        </Field>
        {text("title")}
        {text("taxpayerId", { hint: t("fields.taxpayerIdHint") })}
        {text("requestedAt", { type: "date", hint: t("fields.requestedAtHint") })}
        {paper ? (
          <>
            {text("mailingRecipient")}
            {text("mailingPhone")}
            {text("mailingAddress")}
          </>
        ) : (
          text("receiverEmail", { type: "email" })
        )}
        <div className="flex gap-2 md:col-span-3">
          <Button type="submit" disabled={create.isPending}>{t("submitCreate")}</Button>
          <Button variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
        </div>
        {create.isError && !(create.error instanceof ApiError && create.error.issues.length > 0) ? (
          <div className="md:col-span-3"><ErrorNotice>{errorText(create.error)}</ErrorNotice></div>
        ) : null}
      </form>
    </Card>
  );
}
