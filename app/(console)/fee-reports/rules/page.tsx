import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { FeeRules } from "@/features/fees/components/fee-rules";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fees"))("rules.title") };
}

export default async function FeeRulesPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations("fees");
  return (
    <>
      <PageHeader
        title={t("rules.title")}
        description={t("rules.description")}
        actions={
          <Link className="text-sm text-brand-700 underline" href="/fee-reports">
            {t("rules.back")}
          </Link>
        }
      />
      <FeeRules canEditTerms={hasPermission(operator.role, "finance:write")} canEditPolicies={hasPermission(operator.role, "settings:manage")} />
    </>
  );
}
