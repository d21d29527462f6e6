"use client";

import { useFormatter, useTranslations } from "next-intl";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useCallbacks } from "@/features/simulator/api/simulator";
import { StateBadge, VerdictBadge } from "@/features/simulator/components/verdict-badge";
import type { AttemptDto, CallbackDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { useApiErrorText } from "@/lib/use-api-error-text";

const pretty = (text: string | null) => {
  if (!text) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

function Attempt({ attempt }: { attempt: AttemptDto }) {
  const t = useTranslations("simulator");
  const format = useFormatter();
  return (
    <div className="space-y-2 rounded border border-slate-100 p-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-semibold">{t("log.attempt", { n: attempt.attempt })}</span>
        <span className="font-mono">{attempt.activity}</span>
        <span>{format.dateTime(new Date(attempt.sentAt), { dateStyle: "short", timeStyle: "medium" })}</span>
        {attempt.latencyMs !== null ? <span>{t("log.latency", { ms: attempt.latencyMs })}</span> : null}
        <VerdictBadge verdict={attempt.verdict} />
      </div>
      {attempt.error ? <p className="text-sm font-medium text-red-700">{attempt.error}</p> : null}
      <ul className="flex flex-wrap gap-2 text-xs" aria-label={t("log.checks")}>
        {attempt.checks.map((check) => (
          <li key={check.name} className={check.ok ? "text-emerald-700" : "text-red-700"} title={check.detail}>
            {check.ok ? "✓" : "✗"} {t(`checks.${check.name}`)}
            {check.detail && !check.ok ? ` (${check.detail})` : ""}
          </li>
        ))}
      </ul>
      {attempt.credentials?.length ? (
        <div className="rounded bg-emerald-50 p-2 text-xs text-emerald-900">
          <p className="font-semibold">{t("log.credentials")}</p>
          {attempt.credentials.map((c, i) => (
            <p key={i} className="font-mono">
              {c.instanceId ?? ""} {t("log.userName")}: {c.userName ?? "—"} · {t("log.password")}: {c.password ?? "—"}
            </p>
          ))}
        </div>
      ) : null}
      <div className="grid gap-2 lg:grid-cols-2">
        <div>
          <p className="text-xs font-semibold text-slate-600">{t("log.request")}</p>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
            {`${attempt.request.method} ${attempt.request.url}\n${Object.entries(attempt.request.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join("\n")}${attempt.request.body ? `\n\n${pretty(attempt.request.body)}` : ""}`}
          </pre>
        </div>
        <div>
          <p className="text-xs font-semibold text-slate-600">{t("log.answer")}</p>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
            {attempt.responseStatus === null
              ? t("log.noAnswer")
              : `HTTP ${attempt.responseStatus}\n${Object.entries(attempt.responseHeaders ?? {})
                  .filter(([k]) => ["content-type", "body-sign"].includes(k))
                  .map(([k, v]) => `${k}: ${v}`)
                  .join("\n")}\n\n${pretty(attempt.responseBody)}`}
          </pre>
        </div>
      </div>
    </div>
  );
}

function CallbackRow({ callback }: { callback: CallbackDto }) {
  const t = useTranslations("simulator");
  const format = useFormatter();
  return (
    <li data-testid="simulator-callback">
      <details className="group">
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-1 py-2 text-sm">
          <span className="text-xs text-slate-500">{format.dateTime(new Date(callback.createdAt), { timeStyle: "medium" })}</span>
          <span className="font-mono font-medium">{callback.activity}</span>
          <span className="text-xs text-slate-500">
            {callback.generation.toUpperCase()} · {t(`purpose.${callback.purpose}`)}
            {callback.caseKey ? ` · ${t(`cases.${callback.caseKey}`)}` : ""}
          </span>
          <StateBadge group="states" state={callback.state} />
          <VerdictBadge verdict={callback.lastVerdict} />
          {callback.lastError ? <span className="text-sm text-red-700">{callback.lastError}</span> : null}
          {callback.nextAttemptAt && (callback.state === "retrying" || callback.state === "polling") ? (
            <span className="text-xs text-amber-700">{t("log.nextAttempt", { at: format.dateTime(new Date(callback.nextAttemptAt), { timeStyle: "medium" }) })}</span>
          ) : null}
        </summary>
        <div className="space-y-2 pb-3">
          <p className="break-all text-xs text-slate-500">{t("log.target", { url: callback.targetUrl })}</p>
          {callback.attemptRows.map((attempt) => (
            <Attempt key={attempt.attempt} attempt={attempt} />
          ))}
        </div>
      </details>
    </li>
  );
}

export function CallbackLog() {
  const t = useTranslations("simulator");
  const errorText = useApiErrorText();
  const callbacks = useCallbacks();
  if (callbacks.isPending) return <LoadingRows label={t("loading")} />;
  if (callbacks.isError) return <ErrorNotice>{errorText(callbacks.error)}</ErrorNotice>;
  if (callbacks.data.callbacks.length === 0) return <EmptyState title={t("log.empty")} />;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("log.title")}>
      {callbacks.data.callbacks.map((callback) => (
        <CallbackRow key={callback.id} callback={callback} />
      ))}
    </ul>
  );
}
