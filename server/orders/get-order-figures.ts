import Decimal from "decimal.js";
import type { OrderFigures } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";

// For the dashboard (issue 6): order and instance figures in the seller's day, Beijing time.
// Test traffic is left out of every figure: the marketplace's debugging orders are not sales.
//
// Read from the running figures that triggers keep on every order and instance write (migration
// 000011: order_daily_figures, instance_status_counts), so the cost does not grow with the number
// of orders: a few hundred rows for the month and the chart, whatever the table holds.
export type { OrderFigures };

export type DailyFigureRow = { day: string; orderType: string; orders: number; amount: string };

const BEIJING_MS = 8 * 3_600_000;
export const CHART_DAYS = 30;

/** The Beijing calendar days the figures cover at `now`: today, the month's first day, the chart's first day. */
export const figureDays = (now: Date): { today: string; monthStart: string; chartStart: string; scanStart: string } => {
  const local = new Date(now.getTime() + BEIJING_MS);
  const today = local.toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  const chartStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - (CHART_DAYS - 1))).toISOString().slice(0, 10);
  return { today, monthStart, chartStart, scanStart: chartStart < monthStart ? chartStart : monthStart };
};

/**
 * Pure: the figures from per-day, per-type rows (an order type of "" is one not known yet and
 * shows as UNKNOWN). Rows outside the windows are ignored; money stays decimal.
 */
export const buildOrderFigures = (
  rows: DailyFigureRow[],
  now: Date,
  instances: { expiring: number; failed: number },
): OrderFigures => {
  const { today, monthStart, chartStart } = figureDays(now);
  const figures: OrderFigures = {
    today: {},
    thisMonth: {},
    paidThisMonth: "0.000",
    instancesExpiringWithin7Days: instances.expiring,
    failedProvisionings: instances.failed,
    daily: [],
  };
  let paid = new Decimal(0);
  const daily = new Map<string, { orders: number; amount: Decimal }>();
  for (let i = 0; i < CHART_DAYS; i++) {
    const day = new Date(Date.parse(`${chartStart}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    daily.set(day, { orders: 0, amount: new Decimal(0) });
  }
  for (const row of rows) {
    if (row.day > today) continue;
    const type = row.orderType || "UNKNOWN";
    const amount = new Decimal(row.amount);
    if (row.day === today && row.orders !== 0) figures.today[type] = (figures.today[type] ?? 0) + row.orders;
    if (row.day >= monthStart) {
      if (row.orders !== 0) figures.thisMonth[type] = (figures.thisMonth[type] ?? 0) + row.orders;
      paid = paid.plus(amount);
    }
    const entry = daily.get(row.day);
    if (entry) daily.set(row.day, { orders: entry.orders + row.orders, amount: entry.amount.plus(amount) });
  }
  figures.paidThisMonth = paid.toFixed(3);
  figures.daily = [...daily].map(([day, entry]) => ({ day, orders: entry.orders, amount: entry.amount.toFixed(3) }));
  return figures;
};

export const getOrderFigures = async (deps: Pick<Deps, "db" | "now">): Promise<OrderFigures> => {
  const now = deps.now();
  const { scanStart, today } = figureDays(now);
  const [rows, expiring, failed] = await Promise.all([
    deps.db.$queryRaw<{ day: string; order_type: string; orders: number; amount: string }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, order_type, orders, amount::text AS amount
      FROM order_daily_figures WHERE day >= ${scanStart}::date AND day <= ${today}::date AND NOT test_flag`,
    // An index range on (status, expire_at): a week of expiries, not the table.
    deps.db.instance.count({
      where: { status: { in: ["active", "frozen"] }, expireAt: { gte: now, lt: new Date(now.getTime() + 7 * 86_400_000) }, testFlag: false },
    }),
    deps.db.instanceStatusCount.findUnique({ where: { status_testFlag: { status: "failed", testFlag: false } } }),
  ]);
  return buildOrderFigures(
    rows.map((row) => ({ day: row.day, orderType: row.order_type, orders: row.orders, amount: row.amount })),
    now,
    { expiring, failed: failed?.instances ?? 0 },
  );
};
