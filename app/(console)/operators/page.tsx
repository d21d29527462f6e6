import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { CreateOperatorForm } from "@/features/operators/components/create-operator-form";
import { OperatorsTable } from "@/features/operators/components/operators-table";
import { operatorKeys } from "@/features/operators/api/operator-keys";
import { getQueryClient } from "@/lib/query-client";
import { requirePageOperator } from "@/server/auth/page-guard";
import { defaultDeps } from "@/server/deps";
import { listOperators } from "@/server/operators/list-operators";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("operators") };
}

export default async function OperatorsPage() {
  const operator = await requirePageOperator("operators:manage");
  const t = await getTranslations();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: operatorKeys.list(), queryFn: async () => ({ operators: await listOperators(defaultDeps()) }) });
  return (
    <>
      <PageHeader title={t("nav.operators")} description={t("operators.description")} />
      <div className="space-y-6">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <Card title={t("operators.listTitle")}>
            <OperatorsTable currentOperatorId={operator.id} />
          </Card>
        </HydrationBoundary>
        <Card title={t("operators.createTitle")}>
          <CreateOperatorForm />
        </Card>
      </div>
    </>
  );
}
