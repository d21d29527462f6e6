import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { KitPage } from "@/features/kit/components/kit-filter";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kit"))("title") };
}

export default async function KitSyncPage() {
  await requirePageOperator("console:read");
  const t = await getTranslations("kit");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <KitPage />
    </>
  );
}
