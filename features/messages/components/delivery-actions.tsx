"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useCompleteDelivery, useDeliveryAction, type DeliveryAction } from "@/features/messages/api/messages";
import { ApiError } from "@/lib/api-client";
import type { OutboundMessageDetail } from "@/lib/contracts/messages";
import { useApiErrorText } from "@/lib/use-api-error-text";

type CredentialsForm = { frontEndUrl: string; adminUrl: string; userName: string; password: string; memo: string };
const CREDENTIAL_FIELDS = ["frontEndUrl", "adminUrl", "userName", "password", "memo"] as const;

// Field issues from the provisioning use-case carry codes like "instance.urlInvalid"; their last
// part names the message in this feature's translations.
const useIssueMessage = () => {
  const t = useTranslations("messages");
  return (code: string, fallback: string) => {
    const key = `issues.${code.split(".").pop()}`;
    if (t.has(key)) return t(key as "issues.urlInvalid");
    if (code.startsWith("messages.") && t.has(code.slice("messages.".length))) return t(code.slice("messages.".length) as "notFound");
    return fallback;
  };
};

function CompleteWithCredentials({ deliveryId, onDone }: { deliveryId: string; onDone: (text: string) => void }) {
  const t = useTranslations("messages.actions");
  const errorText = useApiErrorText();
  const issueMessage = useIssueMessage();
  const complete = useCompleteDelivery();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<CredentialsForm>();

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await complete.mutateAsync({ id: deliveryId, outcome: values });
      onDone(t("completed"));
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues) {
        const field = issue.path.replace(/^outcome\./, "") as keyof CredentialsForm;
        if (CREDENTIAL_FIELDS.includes(field)) setError(field, { message: issueMessage(issue.code, issue.message) });
      }
      if (!issues.some((issue) => CREDENTIAL_FIELDS.includes(issue.path.replace(/^outcome\./, "") as keyof CredentialsForm))) setFormError(errorText(error));
    }
  });

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("completeTitle")} noValidate>
      <p className="text-sm text-slate-600">{t("completeHelp")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {CREDENTIAL_FIELDS.map((field) => (
          <Field key={field} label={t(`fields.${field}`)} htmlFor={`complete-${field}`} error={formState.errors[field]?.message}>
            <Input
              id={`complete-${field}`}
              type={field === "password" ? "password" : field.endsWith("Url") ? "url" : "text"}
              autoComplete={field === "password" ? "new-password" : "off"}
              aria-invalid={formState.errors[field] ? true : undefined}
              aria-required={field === "frontEndUrl" ? true : undefined}
              {...register(field, field === "frontEndUrl" ? { required: t("frontEndUrlRequired") } : {})}
            />
          </Field>
        ))}
      </div>
      {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
      <Button type="submit" disabled={complete.isPending}>
        {t("completeSubmit")}
      </Button>
    </form>
  );
}

export function DeliveryActions({ detail }: { detail: OutboundMessageDetail }) {
  const t = useTranslations("messages.actions");
  const tb = useTranslations("messages.bulk");
  const errorText = useApiErrorText();
  const act = useDeliveryAction();
  const complete = useCompleteDelivery();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [resolving, setResolving] = useState(false);
  const [comment, setComment] = useState("");
  const { actions } = detail;
  const id = detail.message.id;

  const run = async (action: DeliveryAction, text: string, extra?: { comment: string }) => {
    setNotice(null);
    try {
      const result = await act.mutateAsync({ action, ids: [id], comment: extra?.comment });
      if (result.changed.includes(id)) {
        setNotice({ ok: true, text });
        setResolving(false);
      } else {
        setNotice({ ok: false, text: t("notChanged", { reason: result.skipped[0]?.reason ?? "" }) });
      }
    } catch (error) {
      setNotice({ ok: false, text: errorText(error) });
    }
  };

  const none = !actions.rerun && !actions.cancel && !actions.resolve && !actions.complete;
  if (none && !notice) return null;

  return (
    <section aria-label={t("title")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-800">{t("title")}</h2>
      <div className="flex flex-wrap gap-2">
        {actions.rerun ? (
          <Button onClick={() => run("rerun", t("rerunDone"))} disabled={act.isPending}>
            {t("rerun")}
          </Button>
        ) : null}
        {actions.complete === "done" ? (
          <Button
            onClick={async () => {
              setNotice(null);
              try {
                await complete.mutateAsync({ id, outcome: null });
                setNotice({ ok: true, text: t("completed") });
              } catch (error) {
                setNotice({ ok: false, text: errorText(error) });
              }
            }}
            disabled={complete.isPending}
          >
            {t("markDone")}
          </Button>
        ) : null}
        {actions.resolve ? (
          <Button variant="secondary" aria-expanded={resolving} aria-controls="resolve-form" onClick={() => setResolving((value) => !value)}>
            {t("resolve")}
          </Button>
        ) : null}
        {actions.cancel ? (
          <Button
            variant="danger"
            onClick={() => {
              if (window.confirm(tb("confirmCancel", { count: 1 }))) void run("cancel", t("cancelDone"));
            }}
            disabled={act.isPending}
          >
            {t("cancel")}
          </Button>
        ) : null}
      </div>
      {resolving && actions.resolve ? (
        <form
          id="resolve-form"
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim()) void run("resolve", t("resolveDone"), { comment: comment.trim() });
          }}
        >
          <Field label={t("comment")} htmlFor="resolve-comment" hint={t("commentHint")}>
            <textarea
              id="resolve-comment"
              required
              maxLength={1000}
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-2 focus:outline-brand-100"
            />
          </Field>
          <Button type="submit" disabled={!comment.trim() || act.isPending}>
            {t("resolveSubmit")}
          </Button>
        </form>
      ) : null}
      {actions.complete === "credentials" ? <CompleteWithCredentials deliveryId={id} onDone={(text) => setNotice({ ok: true, text })} /> : null}
      {notice ? (
        notice.ok ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {notice.text}
          </p>
        ) : (
          <ErrorNotice>{notice.text}</ErrorNotice>
        )
      ) : null}
    </section>
  );
}
