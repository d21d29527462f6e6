"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useReconciliation, useReconciliations, useStartReconciliation } from "@/features/orders/api/orders";
import { DifferenceList } from "@/features/orders/components/difference-list";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function ReconciliationPanel({ canOperate }: { canOperate: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const runs = useReconciliations();
  const start = useStartReconciliation();
  const [selected, setSelected] = useState<string | null>(null);
  const report = useReconciliation(selected);
  const when = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });

  return (
    <div className="space-y-4">
      <Card
        title={t("orders.reconciliation.runs")}
        actions={
          canOperate ? (
            <Button
              disabled={start.isPending}
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: (result) => setSelected(result.id),
                })
              }
            >
              {t("orders.reconciliation.start")}
            </Button>
          ) : null
        }
      >
        {start.isError ? <ErrorNotice>{errorText(start.error)}</ErrorNotice> : null}
        {start.data ? (
          <p role="status" className="mb-3 text-sm text-emerald-800">
            {t("orders.reconciliation.started", { count: start.data.ordersTotal })}
          </p>
        ) : null}
        {runs.isPending ? (
          <LoadingRows label={t("common.loading")} />
        ) : runs.isError ? (
          <ErrorNotice>{errorText(runs.error)}</ErrorNotice>
        ) : runs.data.runs.length === 0 ? (
          <EmptyState title={t("orders.reconciliation.noRuns")} />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {runs.data.runs.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center gap-3 py-2">
                <span>{when(run.startedAt)}</span>
                <Badge>{t(`orders.reconciliation.trigger.${run.trigger}`)}</Badge>
                <Badge tone={run.finishedAt ? "green" : "blue"}>{run.finishedAt ? t("orders.reconciliation.finished") : t("orders.reconciliation.running")}</Badge>
                <span>{t("orders.reconciliation.progress", { done: run.ordersDone, total: run.ordersTotal })}</span>
                <span className={run.ordersDiffering ? "font-semibold text-red-700" : "text-slate-600"}>
                  {t("orders.reconciliation.differing", { count: run.ordersDiffering })}
                  {t("orders.reconciliation.failed", { count: run.ordersFailed })}
                </span>
                <Button variant="ghost" onClick={() => setSelected(run.id)}>
                  {t("orders.reconciliation.show")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {selected ? (
        <Card title={t("orders.reconciliation.findings")}>
          {report.isPending ? (
            <LoadingRows label={t("common.loading")} />
          ) : report.isError ? (
            <ErrorNotice>{errorText(report.error)}</ErrorNotice>
          ) : report.data.findings.length === 0 ? (
            <p className="text-sm text-slate-600">{t("orders.reconciliation.noFindings")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {report.data.findings.map((finding) => (
                <li key={finding.orderId}>
                  <Link className="font-mono text-xs text-brand-700 underline" href={`/orders/${encodeURIComponent(finding.orderId)}`}>
                    {finding.orderId}
                  </Link>
                  {finding.status === "failed" ? <p className="text-xs text-red-700">{t("orders.reconciliation.couldNotFetch", { error: finding.error ?? "" })}</p> : null}
                  <DifferenceList differences={finding.differences} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
