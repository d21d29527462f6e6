import Decimal from "decimal.js";
import type { Deps } from "@/server/deps";

// For the dashboard (issue 6): order and instance figures in the seller's day, Beijing time.
// Test traffic is left out of every figure: the marketplace's debugging orders are not sales.
export type OrderFigures = {
  today: Record<string, number>;
  thisMonth: Record<string, number>;
  // Deal amount (currencyAfterDiscount, else the order amount) this month, refunds negative: a decimal string.
  paidThisMonth: string;
  instancesExpiringWithin7Days: number;
  failedProvisionings: number;
  // Oldest first, one entry per Beijing day with at least one order.
  daily: { day: string; orders: number; amount: string }[];
};

const BEIJING_MS = 8 * 3_600_000;

export const getOrderFigures = async (deps: Pick<Deps, "db" | "now">): Promise<OrderFigures> => {
  const now = deps.now();
  const local = new Date(now.getTime() + BEIJING_MS);
  const dayStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BEIJING_MS);
  const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BEIJING_MS);
  const chartStart = new Date(dayStart.getTime() - 29 * 86_400_000);
  const scanStart = new Date(Math.min(chartStart.getTime(), monthStart.getTime()));
  const [days, instances] = await Promise.all([
    // One pass over the month and the chart's 30 days, grouped by Beijing day and order type.
    deps.db.$queryRaw<{ day: string; order_type: string | null; orders: number; amount: string | null }[]>`
      SELECT to_char((ordered_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS day, order_type,
             count(*)::int AS orders, sum(coalesce(amount_after_discount, amount))::text AS amount
      FROM orders WHERE ordered_at >= ${scanStart} AND NOT test_flag GROUP BY 1, 2 ORDER BY 1`,
    deps.db.$queryRaw<{ expiring: number; failed: number }[]>`
      SELECT (SELECT count(*) FROM instances WHERE status IN ('active', 'frozen') AND expire_at >= ${now} AND expire_at < ${new Date(now.getTime() + 7 * 86_400_000)} AND NOT test_flag)::int AS expiring,
             (SELECT count(*) FROM instances WHERE status = 'failed' AND NOT test_flag)::int AS failed`,
  ]);
  const dayOf = (date: Date) => new Date(date.getTime() + BEIJING_MS).toISOString().slice(0, 10);
  const [today, month, chart] = [dayOf(dayStart), dayOf(monthStart), dayOf(chartStart)];
  const figures: OrderFigures = {
    today: {},
    thisMonth: {},
    paidThisMonth: "0.000",
    instancesExpiringWithin7Days: instances[0]?.expiring ?? 0,
    failedProvisionings: instances[0]?.failed ?? 0,
    daily: [],
  };
  let paid = new Decimal(0);
  const daily = new Map<string, { orders: number; amount: Decimal }>();
  for (const row of days) {
    const type = row.order_type ?? "UNKNOWN";
    const amount = new Decimal(row.amount ?? 0);
    if (row.day === today) figures.today[type] = (figures.today[type] ?? 0) + row.orders;
    if (row.day >= month) {
      figures.thisMonth[type] = (figures.thisMonth[type] ?? 0) + row.orders;
      paid = paid.plus(amount);
    }
    if (row.day >= chart) {
      const entry = daily.get(row.day) ?? { orders: 0, amount: new Decimal(0) };
      daily.set(row.day, { orders: entry.orders + row.orders, amount: entry.amount.plus(amount) });
    }
  }
  figures.paidThisMonth = paid.toFixed(3);
  figures.daily = [...daily].map(([day, entry]) => ({ day, orders: entry.orders, amount: entry.amount.toFixed(3) }));
  return figures;
};
