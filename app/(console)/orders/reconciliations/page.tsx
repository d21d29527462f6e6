import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { ReconciliationPanel } from "@/features/orders/components/reconciliation-panel";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("reconciliation.title") };
}

export default async function ReconciliationsPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("orders.reconciliation.title")}
        description={t("orders.reconciliation.description")}
        actions={
          <Link href="/orders" className="text-sm text-brand-700 underline">
            {t("orders.detail.back")}
          </Link>
        }
      />
      <ReconciliationPanel canOperate={hasPermission(operator.role, "operations:write")} />
    </>
  );
}
