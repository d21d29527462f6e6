import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { NewPlatformFeeRequest } from "@/features/invoices/platform-fee/components/new-request";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices.platformFee"))("newTitle") };
}

export default async function NewPlatformFeeInvoicePage() {
  const operator = await requirePageOperator();
  const t = await getTranslations("invoices.platformFee");
  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={t("description")}
        actions={
          <Link href="/invoices/platform-fee" className="text-sm text-brand-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      <NewPlatformFeeRequest canWrite={hasPermission(operator.role, "finance:write")} />
    </>
  );
}
