"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useUpdateSimulatorConfig } from "@/features/simulator/api/simulator";
import type { SimulatorOverviewDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function SimulatorSettingsForm({ overview, canAct }: { overview: SimulatorOverviewDto; canAct: boolean }) {
  const t = useTranslations("simulator");
  const errorText = useApiErrorText();
  const update = useUpdateSimulatorConfig();
  const [compression, setCompression] = useState(String(overview.config.timeCompression));
  const [timeoutSeconds, setTimeoutSeconds] = useState(String(overview.config.timeoutMs / 1000));
  return (
    <form
      className="flex flex-wrap items-end gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ timeCompression: Math.round(Number(compression)), timeoutMs: Math.round(Number(timeoutSeconds) * 1000) });
      }}
    >
      <Field label={t("settings.compression")} htmlFor="sim-compression" hint={t("settings.compressionHint")}>
        <Input id="sim-compression" type="number" min={1} max={100000} className="w-40" value={compression} disabled={!canAct} onChange={(e) => setCompression(e.target.value)} />
      </Field>
      <Field label={t("settings.timeout")} htmlFor="sim-timeout" hint={t("settings.timeoutHint")}>
        <Input id="sim-timeout" type="number" min={0.1} max={60} step={0.1} className="w-32" value={timeoutSeconds} disabled={!canAct} onChange={(e) => setTimeoutSeconds(e.target.value)} />
      </Field>
      {canAct ? (
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          {t("settings.save")}
        </Button>
      ) : null}
      {update.isSuccess ? <p role="status" className="pb-2 text-sm text-emerald-700">{t("settings.saved")}</p> : null}
      {update.isError ? <ErrorNotice>{errorText(update.error)}</ErrorNotice> : null}
    </form>
  );
}
