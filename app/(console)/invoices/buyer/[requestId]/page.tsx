import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { BuyerInvoiceDetail } from "@/features/invoices/buyer/components/buyer-invoice-detail";
import { buyerInvoiceParamsSchema } from "@/lib/contracts/buyer-invoices";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("buyerInvoices"))("title") };
}

export default async function BuyerInvoicePage({ params }: { params: Promise<{ requestId: string }> }) {
  const operator = await requirePageOperator();
  const parsed = buyerInvoiceParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations("buyerInvoices");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <BuyerInvoiceDetail id={parsed.data.requestId} canWrite={hasPermission(operator.role, "finance:write")} />
    </>
  );
}
