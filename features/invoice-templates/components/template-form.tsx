"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import {
  invoiceHeader,
  isLegacyKind,
  isPaperKind,
  MAX_LENGTHS,
  SELECTABLE_INVOICE_KINDS,
  TITLE_TYPES,
  type TemplateContent,
  type TemplateField,
} from "@/domain/invoices/templates/invoice-template";
import { checkUnifiedSocialCreditCode } from "@/domain/invoices/unified-social-credit-code";
import { ApiError } from "@/lib/api-client";
import { templateInputSchemaFor, TEMPLATE_FIELDS, type templateContentSchema, type TemplateInput } from "@/lib/contracts/invoice-templates";
import { useApiErrorText } from "@/lib/use-api-error-text";

// The template form with its live preview. The same zod rules run here and on the server; a
// server issue lands on its field like a local one.
export function TemplateForm({
  idPrefix,
  initial,
  previousKind,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: TemplateContent;
  previousKind: string | null;
  submitLabel: string;
  onSubmit: (values: TemplateInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useTranslations("invoiceTemplates");
  const tAll = useTranslations();
  const errorText = useApiErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => templateInputSchemaFor(previousKind), [previousKind]);
  const { register, handleSubmit, formState, setError, control } = useForm<z.input<typeof templateContentSchema>, unknown, TemplateInput>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const values = useWatch({ control }) as TemplateContent;
  const kinds = previousKind && isLegacyKind(previousKind) ? [...SELECTABLE_INVOICE_KINDS, previousKind] : [...SELECTABLE_INVOICE_KINDS];

  // Message keys from zod or the server, with their placeholders filled from the form itself.
  const errorOf = (field: TemplateField): string | undefined => {
    const error = formState.errors[field] as FieldError | undefined;
    const key = error?.message;
    if (!key) return undefined;
    const short = key.replace(/^invoiceTemplates\./, "");
    if (!t.has(short)) return tAll.has(key) ? tAll(key) : key;
    if (short === "errors.creditCodeCheckCharacter") {
      const verdict = checkUnifiedSocialCreditCode(values.taxpayerId ?? "");
      return t(short, { expected: !verdict.valid && verdict.expectedCheckCharacter ? verdict.expectedCheckCharacter : "?" });
    }
    if (short === "errors.tooLong") return t(short, { max: String(MAX_LENGTHS[field]) });
    return t(short);
  };

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((issue) => (TEMPLATE_FIELDS as readonly string[]).includes(issue.path))) {
        for (const issue of error.issues) {
          if ((TEMPLATE_FIELDS as readonly string[]).includes(issue.path)) setError(issue.path as TemplateField, { message: issue.code });
        }
      } else setFormError(errorText(error));
    }
  });

  const id = (field: TemplateField) => `${idPrefix}-${field}`;
  const text = (field: TemplateField, props: { type?: string; hint?: string; autoComplete?: string } = {}) => (
    <Field label={t(`fields.${field}`)} htmlFor={id(field)} error={errorOf(field)} hint={props.hint}>
      <Input
        id={id(field)}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete ?? "off"}
        aria-invalid={formState.errors[field] ? true : undefined}
        aria-describedby={formState.errors[field] ? `${id(field)}-error` : undefined}
        {...register(field)}
      />
    </Field>
  );
  const header = invoiceHeader({ ...initial, ...values });
  const paper = isPaperKind(values.invoiceKind ?? initial.invoiceKind);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <form onSubmit={submit} noValidate className="space-y-5" aria-label={submitLabel}>
        {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t("sections.buyer")}</legend>
          <Field label={t("fields.titleType")} htmlFor={id("titleType")} error={errorOf("titleType")}>
            <Select id={id("titleType")} {...register("titleType")}>
              {TITLE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`titleTypes.${type}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.invoiceKind")} htmlFor={id("invoiceKind")} error={errorOf("invoiceKind")} hint={t("hints.specialOnly")}>
            <Select id={id("invoiceKind")} {...register("invoiceKind")}>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                  {isLegacyKind(kind) ? ` — ${t("legacyNote")}` : ""}
                </option>
              ))}
            </Select>
          </Field>
          {text("title")}
          {text("taxpayerId", { hint: t("hints.taxpayerId") })}
          {text("bankName")}
          {text("bankAccount")}
          {text("registeredAddress")}
          {text("registeredPhone", { type: "tel" })}
        </fieldset>
        {paper ? (
          <fieldset className="grid gap-4 md:grid-cols-3">
            <legend className="mb-2 text-sm font-semibold text-slate-800">{t("sections.mailing")}</legend>
            {text("mailRecipient")}
            {text("mailPhone", { type: "tel" })}
            {text("mailAddress")}
          </fieldset>
        ) : (
          <fieldset className="grid gap-4 md:grid-cols-2">
            <legend className="mb-2 text-sm font-semibold text-slate-800">{t("sections.delivery")}</legend>
            {text("email", { type: "email", hint: t("hints.email") })}
          </fieldset>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              {t("cancel")}
            </Button>
          ) : null}
        </div>
      </form>
      <aside aria-labelledby={`${idPrefix}-preview`} className="h-fit rounded-lg border border-amber-200 bg-amber-50/50 p-4 text-sm">
        <h3 id={`${idPrefix}-preview`} className="font-semibold text-slate-800">
          {t("preview.heading")}
        </h3>
        <p className="mt-1 text-xs text-slate-600">
          {t(`kinds.${values.invoiceKind ?? initial.invoiceKind}`)} · {t("preview.buyer")}
        </p>
        {header.length === 1 && header[0]!.value === "" ? (
          <p className="mt-3 text-slate-500">{t("preview.empty")}</p>
        ) : (
          <dl data-testid={`${idPrefix}-preview`} className="mt-3 space-y-1">
            {header.map((line) => (
              <div key={line.label} className="grid grid-cols-[7rem_1fr] gap-2">
                <dt className="text-slate-500">{t(`preview.${line.label}`)}</dt>
                <dd className="break-all font-medium text-slate-900">{line.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </aside>
    </div>
  );
}
