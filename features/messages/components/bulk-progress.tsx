"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { BulkProgress as Progress } from "@/features/messages/components/use-bulk-runner";
import { useApiErrorText } from "@/lib/use-api-error-text";

const STATUS_REASON = /^it is (\w+)$/;

// The operator actions explain skips in English; the known ones are shown in the operator's language.
const useSkipReason = () => {
  const t = useTranslations("messages");
  return (reason: string): string => {
    if (reason === "not found") return t("bulk.skipReasons.notFound");
    if (reason.startsWith("manual deliveries")) return t("bulk.skipReasons.manual");
    const status = STATUS_REASON.exec(reason)?.[1];
    if (status && t.has(`status.${status}`)) return t("bulk.skipReasons.isStatus", { status: t(`status.${status}` as "status.failed") });
    return reason;
  };
};

export function BulkProgress({ progress, onStop, onDismiss }: { progress: Progress; onStop: () => void; onDismiss: () => void }) {
  const t = useTranslations("messages.bulk");
  const errorText = useApiErrorText();
  const skipReason = useSkipReason();
  const running = progress.state === "running" || progress.state === "stopping";
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 100;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="bulk-progress">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span aria-live="polite">
          {running
            ? t("progress", { action: t(`actions.${progress.action}`), done: progress.done, total: progress.total })
            : progress.state === "stopped"
              ? t("stopped", { done: progress.done, total: progress.total })
              : progress.state === "failed"
                ? t("failed", { done: progress.done, total: progress.total })
                : t("finished", { changed: progress.changed, skipped: progress.skipped.length })}
        </span>
        {running ? (
          <Button variant="danger" onClick={onStop} disabled={progress.state === "stopping"}>
            {progress.state === "stopping" ? t("stopping") : t("stop")}
          </Button>
        ) : (
          <Button variant="ghost" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={t("progressValue", { done: progress.done, total: progress.total })}
        className="h-2 overflow-hidden rounded bg-slate-100"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      {progress.state === "failed" ? <p className="text-sm text-red-700">{errorText(progress.error)}</p> : null}
      {!running && progress.skipped.length ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">{t("skippedDetails", { count: progress.skipped.length })}</summary>
          <ul className="mt-1 space-y-0.5 font-mono">
            {progress.skipped.slice(0, 50).map((entry) => (
              <li key={entry.id}>
                {entry.id}: {skipReason(entry.reason)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
