"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { ApiError, apiFetch } from "@/lib/api-client";
import type { ChangePasswordInput } from "@/lib/contracts/auth";
import { useApiErrorText, useIssueText } from "@/lib/use-api-error-text";

type Values = ChangePasswordInput & { confirmPassword: string };

export function ChangePasswordForm({ required }: { required: boolean }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const issueText = useIssueText();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>();

  const onSubmit = handleSubmit(async ({ confirmPassword, ...values }) => {
    setFormError(null);
    setDone(false);
    if (confirmPassword !== values.newPassword) {
      setError("confirmPassword", { message: t("password.mismatch") });
      return;
    }
    try {
      await apiFetch("/api/me/password", { method: "POST", body: values });
      reset();
      setDone(true);
      if (required) window.location.href = "/";
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) {
          setError(issue.path as keyof Values, { message: issueText(issue.code, issue.message) });
        }
      } else setFormError(errorText(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Field label={t("account.currentPassword")} htmlFor="currentPassword" error={formState.errors.currentPassword?.message}>
        <Input id="currentPassword" type="password" autoComplete="current-password" {...register("currentPassword", { required: t("password.currentRequired") })} />
      </Field>
      <Field label={t("account.newPassword")} htmlFor="newPassword" error={formState.errors.newPassword?.message} hint={t("password.rule")}>
        <Input id="newPassword" type="password" autoComplete="new-password" {...register("newPassword")} />
      </Field>
      <Field label={t("account.confirmPassword")} htmlFor="confirmPassword" error={formState.errors.confirmPassword?.message}>
        <Input id="confirmPassword" type="password" autoComplete="new-password" {...register("confirmPassword")} />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {t("account.changePassword")}
      </Button>
    </form>
  );
}
