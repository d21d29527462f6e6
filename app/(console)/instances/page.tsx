import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { InstancesList } from "@/features/instances/components/instances-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("instances") };
}

export default async function InstancesPage() {
  await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.instances")} description={t("instances.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <InstancesList />
      </Suspense>
    </>
  );
}
