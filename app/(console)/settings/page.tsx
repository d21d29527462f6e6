import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { SettingsForm } from "@/features/settings/components/settings-form";
import { getQueryClient } from "@/lib/query-client";
import { requirePageOperator } from "@/server/auth/page-guard";
import { defaultDeps } from "@/server/deps";
import { getSettingsView } from "@/server/settings/get-settings-view";
import { readSettingValue } from "@/server/settings/settings-repository";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  await requirePageOperator("settings:manage");
  const publicBaseUrl = (await readSettingValue("console.publicBaseUrl", defaultDeps()))?.replace(/\/$/, "");
  const t = await getTranslations();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: settingsKeys.all, queryFn: async () => ({ settings: await getSettingsView(defaultDeps()) }) });
  return (
    <>
      <PageHeader title={t("nav.settings")} description={t("settings.description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SettingsForm />
      </HydrationBoundary>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title={t("settings.productionAddress")}>
          <p className="text-sm text-slate-600">{t("settings.productionAddressHelp")}</p>
          <code className="mt-2 block rounded bg-slate-100 px-2 py-1 font-mono text-xs" data-testid="production-address">
            {`${publicBaseUrl ?? "https://<console>"}/api/koogallery`}
          </code>
        </Card>
        <Card title={t("settings.licenceKey")}>
          <p className="text-sm text-slate-600">{t("settings.licenceKeyHelp")}</p>
          <a className="mt-2 inline-block text-sm text-brand-700 underline" href="/api/licences/public-key">
            {t("settings.downloadPublicKey")}
          </a>
        </Card>
      </div>
    </>
  );
}
