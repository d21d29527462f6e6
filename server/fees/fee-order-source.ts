import type { Deps } from "@/server/deps";

// Where fees read orders. The rule that turns an order into a signed, attributed line lives in
// the database as the view fee_order_attribution (migration 20261128000010_fee_rollups.sql; the
// TypeScript statement of it is attributeOrder in domain/fees/order-attribution.ts), and triggers
// on orders, order_lines and instances keep two materialisations of it current:
//   fee_order_facts    one row per billable order (bills read a month of it);
//   fee_month_rollups  those rows summed per product, Beijing attribution month, Beijing placing
//                      day and sign (the fee report reads a year of it: a few hundred thousand
//                      rows at most, against a million orders).
// The order-query facts it uses: placing time = orders.ordered_at (the answer's createTime, or the
// first callback's time until fetched); attribution = the answer's effectiveTime / effectTime for
// new, change and renewal orders, else the placing time; billable = the answer's orderStatus,
// 服务监管 and 后付费 repayment statuses allow it (a missing field counts as met). The answer's
// field names beyond createTime / orderLine are not documented (koogallery-callbacks.md §13.7):
// they are the names the seller pages use, read tolerantly, and the placing time stands in
// whenever they are absent.

export const UNKNOWN_PRODUCT = "(unknown)";

export type FeeGroupRow = { product_code: string; month: string; era: number; amount: string; lines: number };

// Beijing month of a timestamptz without relying on the server's time zone data.
export const beijingMonthSql = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

// The rollups keep the placing day, so they can split eras only at a Beijing midnight. Every
// shipped policy and every policy added in the console (a date) starts at one.
export const boundariesAtBeijingMidnight = (boundaries: readonly Date[]): boolean =>
  boundaries.every((date) => (date.getTime() + BEIJING_MS) % DAY_MS === 0);

const beijingDay = (date: Date) => new Date(date.getTime() + BEIJING_MS).toISOString().slice(0, 10);

// The policies' effective dates split time into eras; a group stands for every order placed in
// its era, since the policy choice depends on nothing finer. Ordered, so both sources hand the
// domain the same lines in the same order.
const GROUP_ORDER = "ORDER BY product_code, month, era, negative";

// From the rollups: months [firstMonth, lastMonth] (YYYY-MM, Beijing).
export const sumFeeGroupsFromRollups = async (
  deps: Pick<Deps, "db">,
  firstMonth: string,
  lastMonth: string,
  boundaries: readonly Date[],
): Promise<FeeGroupRow[]> => {
  if (!boundariesAtBeijingMidnight(boundaries)) throw new RangeError("fee_month_rollups split eras only at a Beijing midnight");
  const days = boundaries.map(beijingDay).filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day));
  const era = days.length ? `width_bucket(placed_day, ARRAY[${days.map((day) => `'${day}'`).join(",")}]::date[])` : "0";
  return deps.db.$queryRawUnsafe<FeeGroupRow[]>(
    `SELECT product_code, month, ${era}::int AS era, negative, sum(amount)::text AS amount, sum(line_count)::int AS lines
       FROM fee_month_rollups
      WHERE month >= $1 AND month <= $2
      GROUP BY product_code, month, 3, negative
     HAVING sum(line_count) <> 0
      ${GROUP_ORDER}`,
    firstMonth,
    lastMonth,
  );
};

// Straight from the orders, through the rule: what the rollups must always equal.
export const sumFeeGroupsFromOrders = async (deps: Pick<Deps, "db">, from: Date, to: Date, boundaries: readonly Date[]): Promise<FeeGroupRow[]> => {
  const literals = boundaries.map((date) => date.toISOString()).filter((iso) => ISO.test(iso));
  const era = literals.length ? `width_bucket(placed_at, ARRAY[${literals.map((iso) => `'${iso}'`).join(",")}]::timestamptz[])` : "0";
  return deps.db.$queryRawUnsafe<FeeGroupRow[]>(
    `SELECT product_code, ${beijingMonthSql("attributed_at")} AS month, ${era}::int AS era, amount < 0 AS negative,
            sum(amount)::text AS amount, count(*)::int AS lines
       FROM fee_order_attribution
      WHERE attributed_at >= $1::timestamptz AND attributed_at < $2::timestamptz
      GROUP BY 1, 2, 3, 4
      ${GROUP_ORDER}`,
    from,
    to,
  );
};
