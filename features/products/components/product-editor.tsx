"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { PROVISIONING_MODES } from "@/domain/settings/settings-catalog";
import { useUpdateProduct } from "@/features/products/api/products";
import { TestEvent } from "@/features/products/components/test-event";
import { WebhookSecret } from "@/features/products/components/webhook-secret";
import { ApiError } from "@/lib/api-client";
import type { ProductDto, UpdateProductInput } from "@/lib/contracts/products";
import { useApiErrorText, useIssueText } from "@/lib/use-api-error-text";

type FormValues = {
  name: string;
  provisioningMode: ProductDto["provisioningMode"];
  frontEndUrl: string;
  adminUrl: string;
  webhookUrl: string;
  webhookTimeoutMs: number;
  syncBudgetMs: number;
  encryptType: ProductDto["encryptType"];
  markReviewed: boolean;
};

const valuesOf = (product: ProductDto): FormValues => ({
  name: product.name ?? "",
  provisioningMode: product.provisioningMode,
  frontEndUrl: product.frontEndUrl ?? "",
  adminUrl: product.adminUrl ?? "",
  webhookUrl: product.webhookUrl ?? "",
  webhookTimeoutMs: product.webhookTimeoutMs,
  syncBudgetMs: product.syncBudgetMs,
  encryptType: product.encryptType,
  markReviewed: false,
});

const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

export function ProductEditor({
  product,
  canManageSecret,
  onClose,
}: {
  product: ProductDto;
  canManageSecret: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("products");
  const errorText = useApiErrorText();
  const issueText = useIssueText();
  const update = useUpdateProduct();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset, watch } = useForm<FormValues>({ defaultValues: valuesOf(product) });
  const mode = watch("provisioningMode");
  const id = (field: string) => `product-${field}`;

  // Only what the operator changed is sent, so a save never overwrites a value nobody touched.
  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setFormError(null);
    const dirty = formState.dirtyFields;
    const patch: UpdateProductInput = {};
    if (dirty.name) patch.name = blankToNull(values.name);
    if (dirty.provisioningMode) patch.provisioningMode = values.provisioningMode;
    if (dirty.frontEndUrl) {
      const url = blankToNull(values.frontEndUrl);
      if (url === null) return setError("frontEndUrl", { message: t("frontEndUrlRequired") });
      patch.frontEndUrl = url;
    }
    if (dirty.adminUrl) patch.adminUrl = blankToNull(values.adminUrl);
    if (dirty.webhookUrl) patch.webhookUrl = blankToNull(values.webhookUrl);
    if (dirty.webhookTimeoutMs) {
      if (!Number.isInteger(values.webhookTimeoutMs)) return setError("webhookTimeoutMs", { message: t("timeoutRange") });
      patch.webhookTimeoutMs = values.webhookTimeoutMs;
    }
    if (dirty.syncBudgetMs) {
      if (!Number.isInteger(values.syncBudgetMs)) return setError("syncBudgetMs", { message: t("budgetRange") });
      patch.syncBudgetMs = values.syncBudgetMs;
    }
    if (dirty.encryptType) patch.encryptType = values.encryptType;
    if (values.markReviewed) patch.needsReview = false;
    if (Object.keys(patch).length === 0) {
      setFormError(t("nothingToChange"));
      return;
    }
    try {
      const result = await update.mutateAsync({ id: product.id, input: patch });
      reset(valuesOf(result.product));
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) {
          const field = issue.path.split(".")[0] as keyof FormValues;
          if (field in valuesOf(product)) setError(field, { message: issueText(issue.code, issue.message) });
          else setFormError(issueText(issue.code, issue.message));
        }
      } else setFormError(errorText(error));
    }
  });

  return (
    <Card
      title={t("editTitle", { code: product.productCode })}
      actions={
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={onClose}>
          {t("close")}
        </Button>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={t("editTitle", { code: product.productCode })}>
        {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
        {saved && !formState.isDirty ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("saved")}
          </p>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t("fields.mode")} htmlFor={id("mode")} hint={t("fields.modeHelp")} error={formState.errors.provisioningMode?.message}>
            <Select id={id("mode")} {...register("provisioningMode")}>
              {PROVISIONING_MODES.map((option) => (
                <option key={option} value={option}>
                  {t(`modeOptions.${option}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("fields.name")} htmlFor={id("name")} hint={t("fields.nameHelp")} error={formState.errors.name?.message}>
            <Input id={id("name")} autoComplete="off" {...register("name")} />
          </Field>
          <Field label={t("fields.frontEndUrl")} htmlFor={id("front-end-url")} hint={t("fields.frontEndUrlHelp")} error={formState.errors.frontEndUrl?.message}>
            <Input id={id("front-end-url")} type="url" autoComplete="off" {...register("frontEndUrl")} />
          </Field>
          <Field label={t("fields.adminUrl")} htmlFor={id("admin-url")} hint={t("fields.adminUrlHelp")} error={formState.errors.adminUrl?.message}>
            <Input id={id("admin-url")} type="url" autoComplete="off" {...register("adminUrl")} />
          </Field>
          {mode === "webhook" ? (
            <>
              <Field label={t("fields.webhookUrl")} htmlFor={id("webhook-url")} hint={t("fields.webhookUrlHelp")} error={formState.errors.webhookUrl?.message}>
                <Input id={id("webhook-url")} type="url" autoComplete="off" placeholder="https://saas.example.com/koogallery/events" {...register("webhookUrl")} />
              </Field>
              <Field
                label={t("fields.webhookTimeoutMs")}
                htmlFor={id("webhook-timeout")}
                hint={t("fields.webhookTimeoutHelp")}
                error={formState.errors.webhookTimeoutMs?.message}
              >
                <Input id={id("webhook-timeout")} type="number" min={500} max={30000} step={100} {...register("webhookTimeoutMs", { valueAsNumber: true })} />
              </Field>
            </>
          ) : null}
          <Field label={t("fields.syncBudgetMs")} htmlFor={id("sync-budget")} hint={t("fields.syncBudgetHelp")} error={formState.errors.syncBudgetMs?.message}>
            <Input id={id("sync-budget")} type="number" min={0} max={4500} step={100} {...register("syncBudgetMs", { valueAsNumber: true })} />
          </Field>
          <Field label={t("fields.encryptType")} htmlFor={id("encrypt-type")} hint={t("fields.encryptTypeHelp")} error={formState.errors.encryptType?.message}>
            <Select id={id("encrypt-type")} {...register("encryptType")}>
              <option value="1">{t("encryptTypes.1")}</option>
              <option value="2">{t("encryptTypes.2")}</option>
            </Select>
          </Field>
        </div>
        {product.needsReview ? (
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5" {...register("markReviewed")} />
            <span>
              <span className="font-medium">{t("fields.markReviewed")}</span>
              <span className="block text-xs text-slate-500">{t("fields.markReviewedHelp")}</span>
            </span>
          </label>
        ) : null}
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("save")}
        </Button>
      </form>
      {mode === "webhook" || product.hasWebhookSecret ? (
        <div className="mt-6 grid gap-6 border-t border-slate-100 pt-4 md:grid-cols-2">
          <WebhookSecret product={product} canManage={canManageSecret} />
          <TestEvent product={product} hasUnsavedChanges={formState.isDirty} />
        </div>
      ) : null}
    </Card>
  );
}
