import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { hasPermission } from "@/domain/auth/roles";
import { InvoiceTemplates } from "@/features/invoice-templates/components/invoice-templates";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("invoiceTemplates") };
}

export default async function InvoiceTemplatesPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.invoiceTemplates")} description={t("invoiceTemplates.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <InvoiceTemplates canWrite={hasPermission(operator.role, "finance:write")} />
      </Suspense>
    </>
  );
}
