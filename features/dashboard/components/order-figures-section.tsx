import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DailyBarLineChart } from "@/components/charts/daily-bar-line-chart";
import { Card } from "@/components/ui/card";
import { formatAmount } from "@/features/orders/format-amount";
import { ORDER_TYPES } from "@/lib/marketplace/koogallery/order-query";
import type { OrderFigures } from "@/lib/contracts/orders";

const total = (byType: Record<string, number>) => Object.values(byType).reduce((sum, n) => sum + n, 0);
// The marketplace's types in their usual order, then anything else (UNKNOWN: not fetched yet).
const typesOf = (byType: Record<string, number>) => [
  ...ORDER_TYPES.filter((type) => byType[type]),
  ...Object.keys(byType).filter((type) => !(ORDER_TYPES as readonly string[]).includes(type) && byType[type]),
];

// The dashboard's orders and instances figures (issue 6), test traffic left out. Every figure
// opens the list it counts.
export async function OrderFiguresSection({ figures }: { figures: OrderFigures }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const today = figures.daily[figures.daily.length - 1]?.day ?? "";
  const monthStart = `${today.slice(0, 8)}01`;
  const typeName = (type: string) => (t.has(`orders.types.${type}`) ? t(`orders.types.${type}`) : t("dashboard.orders.unknownType"));
  const byType = (key: "today" | "thisMonth", from: string) => (
    <ul className="mt-2 space-y-1 text-sm" data-testid={`orders-${key}-by-type`}>
      {typesOf(figures[key]).length === 0 ? <li className="text-slate-500">{t("dashboard.orders.none")}</li> : null}
      {typesOf(figures[key]).map((type) => (
        <li key={type} className="flex justify-between">
          <Link className="text-brand-700 underline" href={`/orders?from=${from}&to=${today}&test=exclude${(ORDER_TYPES as readonly string[]).includes(type) ? `&orderType=${type}` : ""}`}>
            {typeName(type)}
          </Link>
          <span className="font-semibold tabular-nums" data-testid={`orders-${key}-${type}`}>
            {format.number(figures[key][type] ?? 0)}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="dashboard-orders" className="mb-4">
      <h2 id="dashboard-orders" className="mb-2 text-sm font-semibold text-slate-800">
        {t("dashboard.orders.title")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Card title={t("dashboard.orders.today")}>
          <p className="text-2xl font-semibold tabular-nums" data-testid="orders-today">
            {format.number(total(figures.today))}
          </p>
          {byType("today", today)}
        </Card>
        <Card title={t("dashboard.orders.thisMonth")}>
          <p className="text-2xl font-semibold tabular-nums" data-testid="orders-this-month">
            {format.number(total(figures.thisMonth))}
          </p>
          {byType("thisMonth", monthStart)}
        </Card>
        <Card title={t("dashboard.orders.paidThisMonth")}>
          <p className="text-2xl font-semibold tabular-nums" data-testid="orders-paid-this-month">
            {formatAmount(figures.paidThisMonth)}
          </p>
          <p className="mt-1 text-xs text-slate-500">{t("dashboard.orders.paidHelp")}</p>
        </Card>
        <Card title={t("dashboard.orders.expiring")}>
          <Link href="/instances?expiringWithinDays=7&test=exclude" className="text-2xl font-semibold tabular-nums text-brand-700 underline" data-testid="instances-expiring">
            {format.number(figures.instancesExpiringWithin7Days)}
          </Link>
          <p className="mt-1 text-xs text-slate-500">{t("dashboard.orders.expiringHelp")}</p>
        </Card>
        <Card title={t("dashboard.orders.failedProvisionings")}>
          <Link
            href="/instances?status=failed&test=exclude"
            className={`text-2xl font-semibold tabular-nums underline ${figures.failedProvisionings > 0 ? "text-red-700" : "text-brand-700"}`}
            data-testid="instances-failed-provisionings"
          >
            {format.number(figures.failedProvisionings)}
          </Link>
          <p className="mt-1 text-xs text-slate-500">{t("dashboard.orders.failedHelp")}</p>
        </Card>
      </div>
      <Card title={t("dashboard.orders.chartTitle")} className="mt-3">
        <DailyBarLineChart
          testId="orders-chart"
          title={t("dashboard.orders.chartTitle")}
          description={t("dashboard.orders.chartDescription")}
          barLabel={t("dashboard.orders.chartOrders")}
          lineLabel={t("dashboard.orders.chartAmount")}
          points={figures.daily.map((day) => ({
            label: day.day.slice(5),
            bar: day.orders,
            line: Number(day.amount),
            barText: format.number(day.orders),
            lineText: formatAmount(day.amount),
          }))}
        />
      </Card>
    </section>
  );
}
