"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { apiFetch } from "@/lib/api-client";
import { signInInputSchema, type SignInInput } from "@/lib/contracts/auth";
import { useApiErrorText } from "@/lib/use-api-error-text";

// Only same-site paths: an open redirect after sign-in would be a phishing aid.
const safeNext = (next: string | null): string => (next && next.startsWith("/") && !next.startsWith("//") ? next : "/");

export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInInputSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await apiFetch("/api/auth/sign-in", { method: "POST", body: values });
      window.location.href = safeNext(next);
    } catch (error) {
      setFormError(errorText(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
      <Field label={t("signIn.email")} htmlFor="email" error={formState.errors.email && t(formState.errors.email.message!)}>
        <Input id="email" type="email" autoComplete="username" autoFocus aria-invalid={!!formState.errors.email} {...register("email")} />
      </Field>
      <Field label={t("signIn.password")} htmlFor="password" error={formState.errors.password && t(formState.errors.password.message!)}>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!formState.errors.password} {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
