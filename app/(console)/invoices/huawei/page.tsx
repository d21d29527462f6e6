import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { HuaweiBuyerCard } from "@/features/invoices/huawei/components/huawei-buyer-card";
import { HuaweiInvoiceList } from "@/features/invoices/huawei/components/huawei-invoice-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("huaweiInvoices"))("title") };
}

export default async function HuaweiInvoicesPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations("huaweiInvoices");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <HuaweiInvoiceList />
        <HuaweiBuyerCard canWrite={hasPermission(operator.role, "finance:write")} />
      </div>
    </>
  );
}
