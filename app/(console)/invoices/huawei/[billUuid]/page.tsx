import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { HuaweiChecklist } from "@/features/invoices/huawei/components/huawei-checklist";
import { huaweiBillParamsSchema } from "@/lib/contracts/huawei-invoices";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("huaweiInvoices"))("title") };
}

export default async function HuaweiChecklistPage({ params }: { params: Promise<{ billUuid: string }> }) {
  const operator = await requirePageOperator();
  const parsed = huaweiBillParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations("huaweiInvoices");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HuaweiChecklist billUuid={parsed.data.billUuid} canWrite={hasPermission(operator.role, "finance:write")} />
    </>
  );
}
