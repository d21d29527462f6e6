"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useHuaweiBuyer, useUpdateHuaweiBuyer } from "@/features/invoices/huawei/api/huawei-invoices";
import { ApiError } from "@/lib/api-client";
import type { HuaweiBuyerInput } from "@/lib/contracts/huawei-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";
import { useFieldErrors } from "@/features/invoices/huawei/components/field-errors";

const FIELDS = ["name", "taxpayerId", "bankName", "bankAccount", "address", "phone", "receivingEmail", "mailingAddress"] as const;

export function HuaweiBuyerCard({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("huaweiInvoices");
  const errorText = useApiErrorText();
  const buyer = useHuaweiBuyer();
  const update = useUpdateHuaweiBuyer();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<HuaweiBuyerInput | null>(null);
  const fieldError = useFieldErrors(update.error);
  useEffect(() => {
    if (buyer.data && !editing) {
      const { updatedBy: _by, updatedAt: _at, problems: _p, ...details } = buyer.data;
      setForm(details);
    }
  }, [buyer.data, editing]);

  if (buyer.isPending) return <LoadingRows label={t("loading")} />;
  if (buyer.isError) return <ErrorNotice>{errorText(buyer.error)}</ErrorNotice>;
  const data = buyer.data;
  return (
    <Card
      title={t("buyer.title")}
      actions={canWrite && !editing ? <Button variant="secondary" onClick={() => setEditing(true)}>{t("buyer.edit")}</Button> : null}
    >
      <p className="mb-3 text-xs text-slate-500">{t("buyer.hint")}</p>
      {data.problems.length > 0 ? (
        <div role="alert" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="buyer-problems">
          {t("buyer.incomplete", { fields: data.problems.map((p) => t(`buyer.fields.${p.field as (typeof FIELDS)[number]}`)).join("、") })}
        </div>
      ) : null}
      {editing && form ? (
        <form
          className="grid gap-3 md:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(form, { onSuccess: () => setEditing(false) });
          }}
        >
          {FIELDS.map((field) => (
            <Field key={field} label={t(`buyer.fields.${field}`)} htmlFor={`hw-buyer-${field}`} error={fieldError(field)}>
              <Input
                id={`hw-buyer-${field}`}
                value={form[field]}
                aria-invalid={fieldError(field) ? true : undefined}
                onChange={(event) => setForm({ ...form, [field]: event.target.value })}
              />
            </Field>
          ))}
          <div className="flex gap-2 md:col-span-2">
            <Button type="submit" disabled={update.isPending}>{t("buyer.save")}</Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>{t("cancel")}</Button>
          </div>
          {update.isError && !(update.error instanceof ApiError && update.error.issues.length > 0) ? (
            <div className="md:col-span-2"><ErrorNotice>{errorText(update.error)}</ErrorNotice></div>
          ) : null}
        </form>
      ) : (
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="huawei-buyer">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt className="text-xs text-slate-500">{t(`buyer.fields.${field}`)}</dt>
              <dd className="break-all">{data[field] || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
