import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { simulatorKeys } from "@/features/simulator/api/simulator-keys";
import { SimulatorConsole } from "@/features/simulator/components/simulator-console";
import { getQueryClient } from "@/lib/query-client";
import { requirePageOperator } from "@/server/auth/page-guard";
import { defaultDeps } from "@/server/deps";
import { consoleOrigin } from "@/server/simulator/default-target-url";
import { getSimulatorOverview } from "@/server/simulator/get-simulator-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("simulator") };
}

export default async function SimulatorPage() {
  const operator = await requirePageOperator("console:read");
  const t = await getTranslations();
  const queryClient = getQueryClient();
  const requestHeaders = await headers();
  const origin = consoleOrigin(requestHeaders, `http://${requestHeaders.get("host") ?? "localhost"}`);
  await queryClient.prefetchQuery({ queryKey: simulatorKeys.overview(), queryFn: () => getSimulatorOverview(origin, defaultDeps()) });
  return (
    <>
      <PageHeader title={t("nav.simulator")} description={t("simulator.description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SimulatorConsole canAct={hasPermission(operator.role, "operations:write")} />
      </HydrationBoundary>
    </>
  );
}
