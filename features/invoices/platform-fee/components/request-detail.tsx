"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { checkPdf, MAX_PDF_BYTES, nextStatus } from "@/domain/invoices/platform-fee/platform-fee-request";
import { invoiceHeader } from "@/domain/invoices/templates/invoice-template";
import { useIssueRequest, useRequest, useReturnRequest, useUploadPdf } from "@/features/invoices/platform-fee/api/platform-fee-invoices";
import { STATUS_TONE, when } from "@/features/invoices/platform-fee/components/requests-list";
import { ApiError } from "@/lib/api-client";
import type { IssueRequestInput, PlatformFeeRequestDetail } from "@/lib/contracts/platform-fee-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";

const useKeyText = () => {
  const t = useTranslations("invoices.platformFee");
  return (code: string | undefined, fallback = "") => {
    const short = (code ?? "").replace(/^invoices\.platformFee\./, "");
    return short && t.has(short) ? t(short) : fallback || code || "";
  };
};

function IssueForm({ request }: { request: PlatformFeeRequestDetail }) {
  const t = useTranslations("invoices.platformFee");
  const keyText = useKeyText();
  const errorText = useApiErrorText();
  const issue = useIssueRequest(request.id);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<IssueRequestInput>({ defaultValues: { invoiceNumber: "", invoiceDate: new Date().toISOString().slice(0, 10) } });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await issue.mutateAsync(values);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) for (const i of error.issues) setError(i.path as keyof IssueRequestInput, { message: keyText(i.code, i.message) });
      else setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 md:grid-cols-3">
      {formError ? <div className="md:col-span-3"><ErrorNotice>{formError}</ErrorNotice></div> : null}
      <Field label={t("invoiceNumber")} htmlFor="pf-invoice-number" error={formState.errors.invoiceNumber?.message}>
        <Input id="pf-invoice-number" className="font-mono" {...register("invoiceNumber")} />
      </Field>
      <Field label={t("invoiceDate")} htmlFor="pf-invoice-date" error={formState.errors.invoiceDate?.message}>
        <Input id="pf-invoice-date" type="date" {...register("invoiceDate")} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("issue")}
        </Button>
      </div>
    </form>
  );
}

function PdfUpload({ request }: { request: PlatformFeeRequestDetail }) {
  const t = useTranslations("invoices.platformFee");
  const keyText = useKeyText();
  const errorText = useApiErrorText();
  const upload = useUploadPdf(request.id);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setDone(null);
        if (!file) return setError(t("errors.pdfEmpty"));
        if (file.size > MAX_PDF_BYTES) return setError(t("errors.pdfTooLarge"));
        const bytes = new Uint8Array(await file.arrayBuffer());
        const problem = checkPdf(bytes);
        if (problem) return setError(t(`errors.${problem === "empty" ? "pdfEmpty" : problem === "tooLarge" ? "pdfTooLarge" : "notPdf"}`));
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        try {
          await upload.mutateAsync({ fileName: file.name, contentBase64: btoa(binary) });
          setDone(t("uploaded", { fileName: file.name }));
        } catch (failure) {
          setError(failure instanceof ApiError ? keyText(failure.messageKey, errorText(failure)) : errorText(failure));
        }
      }}
    >
      <Field label={t("pdfFile")} htmlFor="pf-pdf" hint={t("pdfHint")} error={error ?? undefined}>
        <Input id="pf-pdf" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <Button type="submit" disabled={upload.isPending}>
        {t("upload")}
      </Button>
      {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
    </form>
  );
}

type ReturnForm = { reason: string; credited: "yes" | "no"; courier: string; trackingNumber: string };

function ReturnInvoiceForm({ request }: { request: PlatformFeeRequestDetail }) {
  const t = useTranslations("invoices.platformFee");
  const keyText = useKeyText();
  const errorText = useApiErrorText();
  const returning = useReturnRequest(request.id);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<ReturnForm>({ defaultValues: { reason: "", credited: "no", courier: "", trackingNumber: "" } });
  const credited = watch("credited") === "yes";
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await returning.mutateAsync({ ...values, credited: values.credited === "yes" });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) for (const i of error.issues) setError(i.path as keyof ReturnForm, { message: keyText(i.code, i.message) });
      else setFormError(errorText(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 md:grid-cols-2">
      {formError ? <div className="md:col-span-2"><ErrorNotice>{formError}</ErrorNotice></div> : null}
      <Field label={t("credited")} htmlFor="pf-credited">
        <Select id="pf-credited" {...register("credited")}>
          <option value="no">{t("creditedNo")}</option>
          <option value="yes">{t("creditedYes")}</option>
        </Select>
      </Field>
      <Field label={t("returnReason")} htmlFor="pf-reason" error={formState.errors.reason?.message}>
        <Input id="pf-reason" {...register("reason")} />
      </Field>
      {!credited ? (
        <>
          <Field label={t("courier")} htmlFor="pf-courier" error={formState.errors.courier?.message}>
            <Input id="pf-courier" {...register("courier")} />
          </Field>
          <Field label={t("trackingNumber")} htmlFor="pf-tracking" error={formState.errors.trackingNumber?.message}>
            <Input id="pf-tracking" className="font-mono" {...register("trackingNumber")} />
          </Field>
        </>
      ) : null}
      <div>
        <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}

export function PlatformFeeRequestDetailView({ requestId, canWrite }: { requestId: string; canWrite: boolean }) {
  const t = useTranslations("invoices.platformFee");
  const tt = useTranslations("invoiceTemplates");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const query = useRequest(requestId);
  if (query.isPending) return <LoadingRows label={tc("loading")} />;
  if (query.isError) return <ErrorNotice>{errorText(query.error)}</ErrorNotice>;
  const request = query.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={STATUS_TONE[request.status]}>
          <span data-testid="request-status">{t(`statuses.${request.status}`)}</span>
        </Badge>
        <span className="text-sm text-slate-600">
          {when(request.requestedAt)} · {request.requestedBy ?? "—"}
        </span>
        {request.invoiceNumber ? <span className="text-sm">{t("issuedInfo", { number: request.invoiceNumber, date: request.invoiceDate ?? "—" })}</span> : null}
      </div>
      {request.status === "returned" ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          {t("returnedInfo", { when: request.returnedAt ? when(request.returnedAt) : "—", who: request.returnedBy ?? "—", reason: request.returnReason ?? "" })}
          {request.returnCourier ? ` · ${t("courier")}: ${request.returnCourier} · ${t("trackingNumber")}: ${request.returnTrackingNumber}` : ""}
        </p>
      ) : null}

      <dl className="grid grid-cols-3 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt className="text-slate-500">{t("positive")}</dt>
          <dd className="font-mono">{formatYuan(request.positiveAmount)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("negative")}</dt>
          <dd className="font-mono">{formatYuan(request.negativeAmount)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("net")}</dt>
          <dd className="font-mono text-base font-semibold" data-testid="request-net">
            {formatYuan(request.netAmount)}
          </dd>
        </div>
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("billsTitle")}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1">{t("col.billId")}</th>
                <th scope="col" className="py-1">{t("paymentRequestNo")}</th>
                <th scope="col" className="py-1 text-right">{t("col.platformFee")}</th>
              </tr>
            </thead>
            <tbody>
              {request.bills.map((bill) => (
                <tr key={bill.uuid}>
                  <td className="py-1 font-mono">{bill.billId}</td>
                  <td className="py-1 font-mono">{bill.paymentRequestNo ?? "—"}</td>
                  <td className="py-1 text-right font-mono">{formatYuan(bill.platformFee)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {request.negativeLines.length ? (
            <>
              <h3 className="mt-4 text-xs font-semibold text-slate-600">{t("negativeTitle")}</h3>
              <ul className="mt-1 text-sm" data-testid="request-negative-orders">
                {request.negativeLines.map((line) => (
                  <li key={`${line.billId}-${line.orderId}`} className="font-mono">
                    {line.orderId} · {line.billId} · {formatYuan(line.amount)} · {formatYuan(line.platformFee)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
        <Card title={t("snapshot", { version: request.templateVersion })}>
          <p className="text-sm text-slate-600">{tt(`kinds.${request.templateSnapshot.invoiceKind}`)}</p>
          <dl className="mt-2 space-y-1 text-sm">
            {invoiceHeader(request.templateSnapshot).map((line) => (
              <div key={line.label} className="grid grid-cols-[7rem_1fr] gap-2">
                <dt className="text-slate-500">{tt(`preview.${line.label}`)}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>

      <Card title={t("pdfTitle")}>
        {request.pdf ? (
          <a className="text-sm text-brand-700 underline" href={`/api/invoices/platform-fee/${request.id}/pdf`}>
            {t("download")} ({request.pdf.fileName})
          </a>
        ) : (
          <p className="text-sm text-slate-600">{t("noPdf")}</p>
        )}
        {canWrite && nextStatus(request.status, "attachPdf") ? (
          <div className="mt-3">
            <PdfUpload request={request} />
          </div>
        ) : null}
      </Card>

      {canWrite && nextStatus(request.status, "issue") ? (
        <Card title={t("issueTitle")}>
          <IssueForm request={request} />
        </Card>
      ) : null}
      {canWrite && nextStatus(request.status, "return") ? (
        <Card title={t("returnTitle")}>
          <ReturnInvoiceForm request={request} />
        </Card>
      ) : null}
      {!canWrite ? <p className="text-sm text-slate-600">{t("readOnly")}</p> : null}
    </div>
  );
}
