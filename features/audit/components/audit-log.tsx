"use client";

import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { auditFilterToSearch, useAuditEvents, type AuditFilter } from "@/features/audit/api/audit-events";
import { useApiErrorText } from "@/lib/use-api-error-text";

// Filters live in the URL, so a filtered view can be bookmarked, shared and survives a reload.
export function AuditLog() {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter: AuditFilter = {
    action: searchParams.get("action") ?? undefined,
    actor: searchParams.get("actor") ?? undefined,
    from: searchParams.get("from") ?? undefined,
    to: searchParams.get("to") ?? undefined,
  };
  const events = useAuditEvents(filter);
  const { register, handleSubmit, reset } = useForm<AuditFilter>({ values: filter });
  const apply = handleSubmit((values) => router.replace(`${pathname}?${auditFilterToSearch(values)}`));
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const total = events.data?.pages[0]?.total;

  return (
    <div className="space-y-4">
      <form onSubmit={apply} className="grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5" role="search">
        <Field label={t("audit.action")} htmlFor="audit-action">
          <Input id="audit-action" placeholder="auth." {...register("action")} />
        </Field>
        <Field label={t("audit.actor")} htmlFor="audit-actor">
          <Input id="audit-actor" {...register("actor")} />
        </Field>
        <Field label={t("audit.from")} htmlFor="audit-from">
          <Input id="audit-from" type="date" {...register("from")} />
        </Field>
        <Field label={t("audit.to")} htmlFor="audit-to">
          <Input id="audit-to" type="date" {...register("to")} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit">{t("common.filter")}</Button>
          <Button
            variant="ghost"
            onClick={() => {
              reset({});
              router.replace(pathname);
            }}
          >
            {t("common.clear")}
          </Button>
        </div>
      </form>
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span>{total !== undefined ? t("audit.total", { count: total }) : null}</span>
        <a className="text-brand-700 underline" href={`/api/audit-events/export?${auditFilterToSearch(filter)}`}>
          {t("audit.exportCsv")}
        </a>
      </div>
      {events.isPending ? (
        <LoadingRows label={t("common.loading")} />
      ) : events.isError ? (
        <ErrorNotice>{errorText(events.error)}</ErrorNotice>
      ) : rows.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                {["when", "actor", "actionColumn", "target", "ip", "details"].map((key) => (
                  <th key={key} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {t(`audit.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(new Date(event.occurredAt), { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td className="px-3 py-2">{event.actorEmail ?? "—"}</td>
                  <td className="px-3 py-2">
                    <span className="font-mono text-xs">{event.action}</span>
                    {t.has(`audit.actions.${event.action.replace(".", "_")}`) ? (
                      <span className="ml-2 text-slate-600">{t(`audit.actions.${event.action.replace(".", "_")}`)}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{event.targetType ? `${event.targetType}${event.targetId ? `:${event.targetId}` : ""}` : "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{event.ipAddress ?? "—"}</td>
                  <td className="max-w-md truncate px-3 py-2 font-mono text-xs text-slate-600" title={JSON.stringify(event.details)}>
                    {JSON.stringify(event.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.hasNextPage ? (
        <Button variant="secondary" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
