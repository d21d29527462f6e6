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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  await requirePageOperator("settings:manage");
  const t = await getTranslations();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: settingsKeys.all, queryFn: async () => ({ settings: await getSettingsView(defaultDeps()) }) });
  return (
    <>
      <PageHeader title={t("nav.settings")} description={t("settings.description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SettingsForm />
      </HydrationBoundary>
    </>
  );
}
