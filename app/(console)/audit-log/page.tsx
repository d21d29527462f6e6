import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { AuditLog } from "@/features/audit/components/audit-log";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("auditLog") };
}

export default async function AuditLogPage() {
  await requirePageOperator("audit:read");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.auditLog")} description={t("audit.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <AuditLog />
      </Suspense>
    </>
  );
}
