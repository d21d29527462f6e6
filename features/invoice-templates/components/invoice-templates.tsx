"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useActivateTemplate, useCreateTemplate, useTemplate, useTemplates, useUpdateTemplate } from "@/features/invoice-templates/api/invoice-templates";
import { TemplateForm } from "@/features/invoice-templates/components/template-form";
import { EMPTY_TEMPLATE, type InvoiceTemplateDto } from "@/lib/contracts/invoice-templates";
import { useApiErrorText } from "@/lib/use-api-error-text";

const STATUS_TONE = { active: "green", draft: "blue", retired: "neutral" } as const;

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

function VersionHistory({ templateId }: { templateId: string }) {
  const t = useTranslations("invoiceTemplates");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const detail = useTemplate(templateId);
  if (detail.isPending) return <LoadingRows label={tc("loading")} />;
  if (detail.isError) return <ErrorNotice>{errorText(detail.error)}</ErrorNotice>;
  return (
    <table data-testid={`template-history-${templateId}`} className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{t("history")}</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th scope="col" className="px-2 py-1">{t("col.version")}</th>
          <th scope="col" className="px-2 py-1">{t("col.when")}</th>
          <th scope="col" className="px-2 py-1">{t("col.who")}</th>
          <th scope="col" className="px-2 py-1">{t("col.changed")}</th>
          <th scope="col" className="px-2 py-1">{t("col.title")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {detail.data.versions.map((version) => (
          <tr key={version.version}>
            <td className="px-2 py-1">{t("version", { version: version.version })}</td>
            <td className="px-2 py-1 whitespace-nowrap">{when(version.createdAt)}</td>
            <td className="px-2 py-1">{version.createdBy ?? "—"}</td>
            <td className="px-2 py-1">
              {version.changedFields.length ? version.changedFields.map((field) => t(`fields.${field}`)).join("、") : t("firstVersion")}
            </td>
            <td className="px-2 py-1">
              {version.title} · {version.taxpayerId || "—"} · {t(`kinds.${version.invoiceKind}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InvoiceTemplates({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("invoiceTemplates");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const editing = search.get("edit");
  const history = search.get("history");
  const templates = useTemplates();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const activate = useActivateTemplate();
  const [notice, setNotice] = useState<string | null>(null);

  const setParam = (key: "edit" | "history", value: string | null) => {
    const next = new URLSearchParams(search.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  };

  const row = (template: InvoiceTemplateDto) => (
    <Fragment key={template.id}>
      <tr data-testid={`template-row-${template.id}`} aria-label={template.current.title}>
        <td className="px-3 py-2 font-medium">{template.current.title}</td>
        <td className="px-3 py-2">{t(`titleTypes.${template.current.titleType}`)}</td>
        <td className="px-3 py-2">{t(`kinds.${template.current.invoiceKind}`)}</td>
        <td className="px-3 py-2 font-mono">{template.current.taxpayerId || "—"}</td>
        <td className="px-3 py-2">
          <Badge tone={STATUS_TONE[template.status]}>{t(`statuses.${template.status}`)}</Badge>
        </td>
        <td className="px-3 py-2">{t("version", { version: template.currentVersion })}</td>
        <td className="px-3 py-2 whitespace-nowrap">{when(template.updatedAt)}</td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap gap-1">
            {canWrite && template.status !== "active" ? (
              <Button
                variant="secondary"
                disabled={activate.isPending}
                aria-label={`${t("activate")}：${template.current.title}`}
                onClick={async () => {
                  setNotice(null);
                  await activate.mutateAsync(template.id).then(() => setNotice(t("activated")), () => undefined);
                }}
              >
                {t("activate")}
              </Button>
            ) : null}
            {canWrite ? (
              <Button variant="ghost" aria-label={`${t("edit")}：${template.current.title}`} onClick={() => setParam("edit", editing === template.id ? null : template.id)}>
                {t("edit")}
              </Button>
            ) : null}
            <Button variant="ghost" aria-expanded={history === template.id} onClick={() => setParam("history", history === template.id ? null : template.id)}>
              {history === template.id ? t("hideHistory") : t("history")}
            </Button>
          </div>
        </td>
      </tr>
      {editing === template.id && canWrite ? (
        <tr>
          <td colSpan={8} className="bg-slate-50 px-3 py-4">
            <h3 className="mb-3 text-sm font-semibold">{t("editTitle", { version: template.currentVersion + 1 })}</h3>
            <TemplateForm
              idPrefix={`edit-${template.id.slice(0, 8)}`}
              initial={template.current}
              previousKind={template.current.invoiceKind}
              submitLabel={t("save")}
              onCancel={() => setParam("edit", null)}
              onSubmit={async (input) => {
                const result = await update.mutateAsync({ id: template.id, input });
                setNotice(result.changedFields.length ? t("saved", { version: result.version }) : t("unchanged"));
                setParam("edit", null);
              }}
            />
          </td>
        </tr>
      ) : null}
      {history === template.id ? (
        <tr>
          <td colSpan={8} className="bg-slate-50 px-3 py-3">
            <VersionHistory templateId={template.id} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );

  return (
    <div className="space-y-4">
      {!canWrite ? <p className="text-sm text-slate-600">{t("readOnly")}</p> : null}
      {notice ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      {activate.isError ? <ErrorNotice>{errorText(activate.error)}</ErrorNotice> : null}

      {templates.isPending ? (
        <LoadingRows label={tc("loading")} />
      ) : templates.isError ? (
        <ErrorNotice>{errorText(templates.error)}</ErrorNotice>
      ) : templates.data.templates.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="templates-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-500">
              <tr>
                {["title", "titleType", "kind"].map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">
                    {t(`col.${key}`)}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">{t("fields.taxpayerId")}</th>
                {["status", "version", "updatedAt", "actions"].map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">
                    {t(`col.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{templates.data.templates.map(row)}</tbody>
          </table>
        </div>
      )}

      {canWrite ? (
        <Card title={t("newTitle")}>
          <TemplateForm
            key={create.data?.id ?? "new"}
            idPrefix="new-template"
            initial={EMPTY_TEMPLATE}
            previousKind={null}
            submitLabel={t("create")}
            onSubmit={async (input) => {
              await create.mutateAsync(input);
              setNotice(t("created"));
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
