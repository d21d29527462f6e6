import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { hasPermission } from "@/domain/auth/roles";
import { addMonths, beijingMonthOf } from "@/domain/fees/beijing-month";
import { BillsList } from "@/features/bills/components/bills-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("bills") };
}

export default async function BillsPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.bills")} description={t("bills.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        {/* Last month: the period the marketplace bills on the 3rd. */}
        <BillsList canWrite={hasPermission(operator.role, "finance:write")} defaultMonth={addMonths(beijingMonthOf(new Date()), -1)} />
      </Suspense>
    </>
  );
}
