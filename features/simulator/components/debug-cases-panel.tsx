"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useDeleteSavedCase, useDialTests, useRunDebugSuite, useRunDialTest, useSaveDialTest, useSavedCases } from "@/features/simulator/api/simulator";
import { VerdictBadge } from "@/features/simulator/components/verdict-badge";
import type { SimulatorOverviewDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { useApiErrorText } from "@/lib/use-api-error-text";

const ALL = "__all__";

export function DebugCasesPanel({ overview, targetUrl, canAct }: { overview: SimulatorOverviewDto; targetUrl: string; canAct: boolean }) {
  const t = useTranslations("simulator");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const run = useRunDebugSuite();
  const saved = useSavedCases();
  const dialTests = useDialTests();
  const saveDial = useSaveDialTest();
  const runDial = useRunDialTest();
  const deleteCase = useDeleteSavedCase();
  const [scope, setScope] = useState(ALL);
  const [save, setSave] = useState(true);
  const [intervalHours, setIntervalHours] = useState("12");
  const target = targetUrl.trim() || overview.defaultTargetUrl;
  const dialTest = dialTests.data?.dialTests.find((d) => d.targetUrl === target);
  const savedHere = saved.data?.savedCases.filter((c) => c.targetUrl === target) ?? [];
  const lastRun = dialTest?.runs[0];

  return (
    <div className="space-y-6">
      {lastRun && lastRun.failed > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("dial.alert", { failed: lastRun.failed, at: format.dateTime(new Date(lastRun.startedAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </div>
      ) : null}
      {canAct ? (
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            run.mutate({ productKeys: scope === ALL ? overview.products.map((p) => p.key) : [scope], targetUrl: targetUrl.trim() || undefined, save });
          }}
        >
          <Field label={t("debug.scope")} htmlFor="sim-debug-scope">
            <Select id="sim-debug-scope" value={scope} onChange={(event) => setScope(event.target.value)} className="w-64">
              <option value={ALL}>{t("debug.allProducts")}</option>
              {overview.products.map((p) => (
                <option key={p.key} value={p.key}>
                  {t(`products.${p.key}`)}
                </option>
              ))}
            </Select>
          </Field>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={save} onChange={(event) => setSave(event.target.checked)} />
            {t("debug.save")}
          </label>
          <Button type="submit" disabled={run.isPending}>
            {run.isPending ? t("debug.running") : t("debug.runAll")}
          </Button>
        </form>
      ) : null}
      {run.isError ? <ErrorNotice>{errorText(run.error)}</ErrorNotice> : null}
      {run.data ? (
        <div className="space-y-2">
          <p role="status" className="text-sm font-medium" data-testid="debug-summary">
            {t("debug.summary", { passed: run.data.passed, failed: run.data.failed, skipped: run.data.skipped })}
          </p>
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="debug-results">
              <thead>
                <tr>
                  {["product", "case", "activity", "verdict", "error"].map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {t(`debug.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {run.data.results.map((r, i) => (
                  <tr key={`${r.productKey}-${r.caseKey}-${i}`}>
                    <td className="px-3 py-1.5">{t(`products.${r.productKey}`)}</td>
                    <td className="px-3 py-1.5">{t(`cases.${r.caseKey}`)}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{r.activity}</td>
                    <td className="px-3 py-1.5">
                      <VerdictBadge verdict={r.verdict} />
                    </td>
                    <td className="px-3 py-1.5 text-red-700">{r.error ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      <section className="space-y-3 border-t border-slate-100 pt-4">
        <h3 className="text-sm font-semibold text-slate-800">{t("dial.title")}</h3>
        <p className="text-sm text-slate-600">{t("dial.savedCount", { count: savedHere.length, url: target })}</p>
        {canAct ? (
          <form
            className="flex flex-wrap items-end gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              saveDial.mutate({ targetUrl: targetUrl.trim() || undefined, intervalMinutes: Math.round(Number(intervalHours) * 60), enabled: true });
            }}
          >
            <Field label={t("dial.interval")} htmlFor="sim-dial-interval">
              <Input id="sim-dial-interval" type="number" min="0.1" step="0.1" className="w-32" value={intervalHours} onChange={(event) => setIntervalHours(event.target.value)} />
            </Field>
            <Button type="submit" variant="secondary" disabled={saveDial.isPending || savedHere.length === 0}>
              {dialTest ? t("dial.update") : t("dial.schedule")}
            </Button>
            {dialTest ? (
              <>
                <Button variant="secondary" disabled={runDial.isPending} onClick={() => runDial.mutate(dialTest.id)}>
                  {runDial.isPending ? t("dial.running") : t("dial.runNow")}
                </Button>
                <Button variant="ghost" onClick={() => saveDial.mutate({ targetUrl: dialTest.targetUrl, intervalMinutes: dialTest.intervalMinutes, enabled: !dialTest.enabled })}>
                  {dialTest.enabled ? t("dial.pause") : t("dial.resume")}
                </Button>
              </>
            ) : null}
          </form>
        ) : null}
        {saveDial.isError ? <ErrorNotice>{errorText(saveDial.error)}</ErrorNotice> : null}
        <details className="text-sm" data-testid="saved-cases">
          <summary className="cursor-pointer font-medium text-slate-700">{t("dial.savedTitle")}</summary>
          {savedHere.length === 0 ? (
            <p className="mt-2 text-slate-600">{t("dial.noSaved")}</p>
          ) : (
            <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm">
              <thead>
                <tr>
                  {["product", "case", "savedAt"].map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {c === "savedAt" ? t("dial.columns.savedAt") : t(`debug.columns.${c}`)}
                    </th>
                  ))}
                  {canAct ? <th scope="col" className="px-3 py-2" /> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {savedHere.map((c) => {
                  const names = { product: t(`products.${c.productKey}`), case: t(`cases.${c.caseKey}`) };
                  return (
                    <tr key={c.id}>
                      <td className="px-3 py-1.5">{names.product}</td>
                      <td className="px-3 py-1.5">{names.case}</td>
                      <td className="px-3 py-1.5">{format.dateTime(new Date(c.savedAt), { dateStyle: "short", timeStyle: "short" })}</td>
                      {canAct ? (
                        <td className="px-3 py-1.5 text-right">
                          <Button
                            variant="ghost"
                            aria-label={t("dial.deleteLabel", names)}
                            disabled={deleteCase.isPending}
                            onClick={() => {
                              if (window.confirm(t("dial.confirmDelete", names))) deleteCase.mutate(c.id);
                            }}
                          >
                            {t("dial.delete")}
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {deleteCase.isError ? <ErrorNotice>{errorText(deleteCase.error)}</ErrorNotice> : null}
          {deleteCase.isSuccess ? (
            <p role="status" className="mt-2 text-slate-600">
              {t("dial.deleted", { product: t(`products.${deleteCase.data.deleted.productKey}`), case: t(`cases.${deleteCase.data.deleted.caseKey}`) })}
            </p>
          ) : null}
        </details>
        {runDial.isError ? <ErrorNotice>{errorText(runDial.error)}</ErrorNotice> : null}
        {dialTest ? (
          <>
            <p className="text-sm text-slate-600">
              {dialTest.enabled
                ? t("dial.next", { at: format.dateTime(new Date(dialTest.nextRunAt), { dateStyle: "medium", timeStyle: "short" }), hours: dialTest.intervalMinutes / 60 })
                : t("dial.paused")}
            </p>
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="dial-history">
              <thead>
                <tr>
                  {["startedAt", "trigger", "passed", "failed", "alert", "failures"].map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {t(`dial.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {dialTest.runs.map((r) => (
                  <tr key={r.id}>
                    <td className="px-3 py-1.5">{format.dateTime(new Date(r.startedAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                    <td className="px-3 py-1.5">{t(`dial.trigger.${r.trigger}`)}</td>
                    <td className="px-3 py-1.5">{r.passed}</td>
                    <td className="px-3 py-1.5">{r.failed}</td>
                    <td className="px-3 py-1.5">
                      {r.alert === null
                        ? t("dial.alertState.none")
                        : r.alert === "sent" || r.alert === "no-channel"
                          ? t(`dial.alertState.${r.alert}`)
                          : t("dial.alertState.failed", { error: r.alert })}
                    </td>
                    <td className="px-3 py-1.5 text-red-700">
                      {r.results
                        .filter((x) => x.verdict !== "pass")
                        .map((x) => `${t(`products.${x.productKey}`)} / ${t(`cases.${x.caseKey}`)}: ${x.error ?? t("verdict.skipped")}`)
                        .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
    </div>
  );
}
