import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { OPEN_DELIVERY_STATUSES, PROBLEM_STATUSES } from "@/lib/contracts/messages";
import { hasPermission } from "@/domain/auth/roles";
import { requirePageOperator } from "@/server/auth/page-guard";
import { OrderFiguresSection } from "@/features/dashboard/components/order-figures-section";
import { getDashboardSummary } from "@/server/dashboard/get-dashboard-summary";
import { defaultDeps } from "@/server/deps";
import { getOrderFigures } from "@/server/orders/get-order-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("dashboard") };
}

export default async function DashboardPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  const deps = defaultDeps();
  const [summary, orderFigures] = await Promise.all([getDashboardSummary(deps), getOrderFigures(deps)]);
  const keys = Object.entries(summary.marketplace) as [keyof typeof summary.marketplace, boolean][];
  const format = await getFormatter();
  const health = summary.messages;
  const now = new Date();
  const rate = ({ succeeded, total }: { succeeded: number; total: number }) =>
    total ? format.number(succeeded / total, { style: "percent", maximumFractionDigits: 1 }) : "—";
  // Each card opens the message log filtered to exactly what it counts.
  const messageCards: { key: string; href: string; value: string; detail: string; alarm: boolean }[] = [
    {
      key: "failingNow",
      href: "/messages?direction=outbound&status=failed",
      value: String(health.failingNow),
      detail: t("dashboard.messages.failingNowHelp"),
      alarm: health.failingNow > 0,
    },
    {
      key: "deadLetters",
      href: "/messages?direction=outbound&status=dead",
      value: String(health.deadLetters),
      detail: t("dashboard.messages.deadLettersHelp"),
      alarm: health.deadLetters > 0,
    },
    {
      key: "oldestPending",
      href: `/messages?direction=outbound&status=${OPEN_DELIVERY_STATUSES.join(",")}`,
      value: health.oldestPending ? format.relativeTime(new Date(health.oldestPending.createdAt), now) : "—",
      detail: health.oldestPending ? t("dashboard.messages.oldestPendingHelp") : t("dashboard.messages.nothingPending"),
      alarm: health.oldestPending !== null && now.getTime() - new Date(health.oldestPending.createdAt).getTime() > 15 * 60_000,
    },
    {
      key: "successRate",
      href: `/messages?status=${PROBLEM_STATUSES.join(",")}`,
      value: rate(health.successRate24h.deliveries),
      detail: t("dashboard.messages.successRateHelp", {
        attempts: health.successRate24h.deliveries.total,
        callbacks: rate(health.successRate24h.callbacks),
        answered: health.successRate24h.callbacks.total,
      }),
      alarm: health.successRate24h.deliveries.total > 0 && health.successRate24h.deliveries.succeeded < health.successRate24h.deliveries.total,
    },
    {
      key: "atRisk",
      href: "/messages?atRisk=1",
      value: String(health.atRisk.orders),
      detail: health.atRisk.soonestDeadline
        ? t("dashboard.messages.atRiskHelp", { time: format.relativeTime(new Date(health.atRisk.soonestDeadline), now) })
        : t("dashboard.messages.noneAtRisk"),
      alarm: health.atRisk.orders > 0,
    },
  ];
  return (
    <>
      <PageHeader title={t("nav.dashboard")} description={t("dashboard.welcome", { name: operator.displayName })} />
      <OrderFiguresSection figures={orderFigures} />
      <section aria-labelledby="dashboard-messages" className="mb-4">
        <h2 id="dashboard-messages" className="mb-2 text-sm font-semibold text-slate-800">
          {t("dashboard.messages.title")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {messageCards.map((card) => (
            <li key={card.key}>
              <Link
                href={card.href}
                data-testid={`messages-card-${card.key}`}
                className={`block h-full rounded-lg border bg-white p-4 shadow-xs transition hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500 ${card.alarm ? "border-red-300" : "border-slate-200"}`}
              >
                <span className="block text-xs font-medium text-slate-500">{t(`dashboard.messages.${card.key}`)}</span>
                <span className={`mt-1 block text-2xl font-semibold ${card.alarm ? "text-red-700" : "text-slate-900"}`} data-testid={`messages-${card.key}`}>
                  {card.value}
                </span>
                <span className="mt-1 block text-xs text-slate-500">{card.detail}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
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
