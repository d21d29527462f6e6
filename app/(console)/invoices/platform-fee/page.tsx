import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { hasPermission } from "@/domain/auth/roles";
import { PlatformFeeRequests } from "@/features/invoices/platform-fee/components/requests-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices.platformFee"))("title") };
}

export default async function PlatformFeeInvoicesPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("invoices.platformFee.title")}
        description={t("invoices.platformFee.description")}
        actions={
          hasPermission(operator.role, "finance:write") ? (
            <Link href="/invoices/platform-fee/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
              {t("invoices.platformFee.newLink")}
            </Link>
          ) : null
        }
      />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <PlatformFeeRequests />
      </Suspense>
    </>
  );
}
