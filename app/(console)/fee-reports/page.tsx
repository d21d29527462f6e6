import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { feeKeys } from "@/features/fees/api/fee-report";
import { FeeReportView } from "@/features/fees/components/fee-report-view";
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { getQueryClient } from "@/lib/query-client";
import { requirePageOperator } from "@/server/auth/page-guard";
import { defaultDeps } from "@/server/deps";
import { buildFeeReport } from "@/server/fees/build-fee-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("feeReports") };
}

export default async function FeeReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageOperator();
  const t = await getTranslations();
  const month = (await searchParams).month;
  const query = feeReportQuerySchema.safeParse({ month: typeof month === "string" ? month : undefined });
  const queryClient = getQueryClient();
  if (query.success) {
    await queryClient.prefetchQuery({ queryKey: feeKeys.report(query.data.month), queryFn: () => buildFeeReport(query.data, defaultDeps()) });
  }
  return (
    <>
      <PageHeader title={t("nav.feeReports")} description={t("fees.description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
          <FeeReportView />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
