import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { PlatformFeeRequestDetailView } from "@/features/invoices/platform-fee/components/request-detail";
import { requestParamsSchema } from "@/lib/contracts/platform-fee-invoices";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices.platformFee"))("detailTitle") };
}

export default async function PlatformFeeInvoicePage({ params }: { params: Promise<{ requestId: string }> }) {
  const operator = await requirePageOperator();
  const parsed = requestParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations("invoices.platformFee");
  return (
    <>
      <PageHeader
        title={t("detailTitle")}
        actions={
          <Link href="/invoices/platform-fee" className="text-sm text-brand-700 underline">
            {t("backToList")}
          </Link>
        }
      />
      <PlatformFeeRequestDetailView requestId={parsed.data.requestId} canWrite={hasPermission(operator.role, "finance:write")} />
    </>
  );
}
