import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { hasPermission } from "@/domain/auth/roles";
import { requirePageOperator } from "@/server/auth/page-guard";
import { getDashboardSummary } from "@/server/dashboard/get-dashboard-summary";
import { defaultDeps } from "@/server/deps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("dashboard") };
}

export default async function DashboardPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  const summary = await getDashboardSummary(defaultDeps());
  const keys = Object.entries(summary.marketplace) as [keyof typeof summary.marketplace, boolean][];
  return (
    <>
      <PageHeader title={t("nav.dashboard")} description={t("dashboard.welcome", { name: operator.displayName })} />
      <div className="mb-4 grid gap-4 md:grid-cols-3">
        <Card title={t("dashboard.instances")} className="md:col-span-2">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {(Object.entries(summary.instances) as [keyof typeof summary.instances, number][]).map(([status, count]) => (
              <div key={status} className="rounded border border-slate-100 px-3 py-2">
                <dt className="text-xs text-slate-500">{t(`instanceStatus.${status}`)}</dt>
                <dd className="text-xl font-semibold" data-testid={`instances-${status}`}>{count}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("dashboard.callbacks24h")}>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>{t("dashboard.callbacksTotal")}</dt>
              <dd className="font-semibold" data-testid="callbacks-total">{summary.callbacks24h.total}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("dashboard.callbacksFailed")}</dt>
              <dd className="font-semibold">{summary.callbacks24h.failed}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("dashboard.callbacksTest")}</dt>
              <dd className="font-semibold">{summary.callbacks24h.test}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("dashboard.productsToReview")}</dt>
              <dd className="font-semibold">{summary.productsToReview}</dd>
            </div>
          </dl>
        </Card>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("dashboard.marketplaceConnection")} className="md:col-span-2">
          <ul className="grid gap-2 sm:grid-cols-2">
            {keys.map(([key, bound]) => (
              <li key={key} className="flex items-center justify-between rounded border border-slate-100 px-3 py-2 text-sm">
                <span>{t(`dashboard.keys.${key}`)}</span>
                <Badge tone={bound ? "green" : "amber"}>{bound ? t("dashboard.bound") : t("dashboard.notBound")}</Badge>
              </li>
            ))}
          </ul>
          {hasPermission(operator.role, "settings:manage") ? (
            <Link href="/settings" className="mt-3 inline-block text-sm text-brand-700 underline">
              {t("dashboard.openSettings")}
            </Link>
          ) : null}
        </Card>
        <Card title={t("dashboard.team")}>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>{t("dashboard.activeOperators")}</dt>
              <dd className="font-semibold" data-testid="active-operators">{summary.operators.active}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("dashboard.disabledOperators")}</dt>
              <dd className="font-semibold">{summary.operators.disabled}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("dashboard.signInFailures")}</dt>
              <dd className="font-semibold">{summary.signInFailures24h}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
