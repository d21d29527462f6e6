import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { hasPermission } from "@/domain/auth/roles";
import { BuyerInvoiceList } from "@/features/invoices/buyer/components/buyer-invoice-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("buyerInvoices"))("title") };
}

export default async function BuyerInvoicesPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("buyerInvoices.title")} description={t("buyerInvoices.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <BuyerInvoiceList canWrite={hasPermission(operator.role, "finance:write")} />
      </Suspense>
    </>
  );
}
