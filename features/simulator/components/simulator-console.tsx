"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useSimulatorOverview } from "@/features/simulator/api/simulator";
import { BuyerPanel } from "@/features/simulator/components/buyer-panel";
import { CallbackLog } from "@/features/simulator/components/callback-log";
import { DebugCasesPanel } from "@/features/simulator/components/debug-cases-panel";
import { SimulatorSettingsForm } from "@/features/simulator/components/simulator-settings-form";
import { SubscriptionsTable } from "@/features/simulator/components/subscriptions-table";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function SimulatorConsole({ canAct }: { canAct: boolean }) {
  const t = useTranslations("simulator");
  const errorText = useApiErrorText();
  const overview = useSimulatorOverview();
  // Shared by buying and the debugging cases: one target address at a time, like the seller centre.
  const [targetUrl, setTargetUrl] = useState("");

  if (overview.isPending) return <LoadingRows label={t("loading")} />;
  if (overview.isError) return <ErrorNotice>{errorText(overview.error)}</ErrorNotice>;
  const data = overview.data;
  if (!data.enabled) return <ErrorNotice>{t("disabled")}</ErrorNotice>;
  const missingKeys = (Object.entries(data.keys) as [string, boolean][]).filter(([, present]) => !present).map(([kind]) => t(`keys.${kind}`));

  return (
    <div className="space-y-6">
      {missingKeys.length ? (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("keys.missing", { keys: missingKeys.join("、") })}
        </div>
      ) : null}
      <Card title={t("buyer.title")}>
        <div className="space-y-6">
          {canAct ? <BuyerPanel overview={data} targetUrl={targetUrl} onTargetUrlChange={setTargetUrl} /> : null}
          <SubscriptionsTable canAct={canAct} />
        </div>
      </Card>
      <Card title={t("log.title")}>
        <CallbackLog />
      </Card>
      <Card title={t("debug.title")}>
        <DebugCasesPanel overview={data} targetUrl={targetUrl} canAct={canAct} />
      </Card>
      <Card title={t("settings.title")}>
        <div className="space-y-4">
          <SimulatorSettingsForm overview={data} canAct={canAct} />
          <p className="text-sm text-slate-600">{t("openApis", { url: data.openApiBaseUrl })}</p>
        </div>
      </Card>
    </div>
  );
}
