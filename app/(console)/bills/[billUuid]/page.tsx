import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { BillDetail } from "@/features/bills/components/bill-detail";
import { billParamsSchema } from "@/lib/contracts/bills";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("bills") };
}

export default async function BillPage({ params }: { params: Promise<{ billUuid: string }> }) {
  const operator = await requirePageOperator();
  const parsed = billParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.bills")} description={t("bills.description")} />
      <BillDetail uuid={parsed.data.billUuid} canWrite={hasPermission(operator.role, "finance:write")} />
    </>
  );
}
