"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { OPERATOR_ROLES } from "@/domain/auth/roles";
import { useCreateOperator } from "@/features/operators/api/operators";
import { OneTimePassword } from "@/features/operators/components/one-time-password";
import { ApiError } from "@/lib/api-client";
import type { CreateOperatorInput } from "@/lib/contracts/operators";
import { useApiErrorText, useIssueText } from "@/lib/use-api-error-text";

export function CreateOperatorForm() {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const issueText = useIssueText();
  const create = useCreateOperator();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; oneTimePassword: string | null } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<CreateOperatorInput>({
    defaultValues: { role: "viewer", email: "", displayName: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await create.mutateAsync(values);
      setCreated({ email: result.operator.email, oneTimePassword: result.oneTimePassword });
      reset();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) setError(issue.path as keyof CreateOperatorInput, { message: issueText(issue.code, issue.message) });
      } else setFormError(errorText(error));
    }
  });

  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("operators.created", { email: created.email })}
          {created.oneTimePassword ? <OneTimePassword value={created.oneTimePassword} /> : null}
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
        {formError ? (
          <div className="md:col-span-2">
            <ErrorNotice>{formError}</ErrorNotice>
          </div>
        ) : null}
        <Field label={t("operators.email")} htmlFor="new-email" error={formState.errors.email?.message}>
          <Input id="new-email" type="email" autoComplete="off" {...register("email")} />
        </Field>
        <Field label={t("operators.displayName")} htmlFor="new-name" error={formState.errors.displayName?.message}>
          <Input id="new-name" autoComplete="off" {...register("displayName")} />
        </Field>
        <Field label={t("operators.role")} htmlFor="new-role" error={formState.errors.role?.message}>
          <Select id="new-role" {...register("role")}>
            {OPERATOR_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("operators.initialPassword")} htmlFor="new-password" error={formState.errors.password?.message} hint={t("operators.initialPasswordHint")}>
          <Input id="new-password" type="password" autoComplete="new-password" {...register("password")} />
        </Field>
        <div className="md:col-span-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("operators.create")}
          </Button>
        </div>
      </form>
    </div>
  );
}
