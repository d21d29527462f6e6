import { Prisma } from "@/generated/prisma/client";
import type { OrderFilter, OrderListItem, OrderListQuery, OrderPage } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

const sql = Prisma.sql;

export const beijingDayStart = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of a filter; every branch is served by an index of migration 000006. */
export const orderWhere = (filter: OrderFilter): Prisma.Sql => {
  const parts: Prisma.Sql[] = [];
  if (filter.orderId) parts.push(sql`o.order_id LIKE ${`${escapeLike(filter.orderId)}%`}`);
  if (filter.customer) parts.push(sql`(o.customer_id = ${filter.customer} OR o.customer_name LIKE ${`${escapeLike(filter.customer)}%`})`);
  if (filter.product) parts.push(sql`EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id AND l.product_code = ${filter.product})`);
  if (filter.orderType) parts.push(sql`o.order_type = ${filter.orderType}`);
  if (filter.chargingMode) parts.push(sql`o.charging_mode = ${filter.chargingMode}`);
  if (filter.amountMin) parts.push(sql`o.amount >= ${filter.amountMin}::numeric`);
  if (filter.amountMax) parts.push(sql`o.amount <= ${filter.amountMax}::numeric`);
  if (filter.from) parts.push(sql`o.ordered_at >= ${beijingDayStart(filter.from)}`);
  if (filter.to) parts.push(sql`o.ordered_at < ${new Date(beijingDayStart(filter.to).getTime() + 86_400_000)}`);
  if (filter.test === "only") parts.push(sql`o.test_flag`);
  if (filter.test === "exclude") parts.push(sql`NOT o.test_flag`);
  return parts.length ? sql`WHERE ${Prisma.join(parts, " AND ")}` : sql`WHERE TRUE`;
};

type Cursor = [string | null, string];

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
const decodeCursor = (text: string): Cursor => {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === "string" || value[0] === null) && typeof value[1] === "string") {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", "The page cursor is not valid.", { messageKey: "orders.cursorInvalid" });
};

// Sort orders match the indexes' natural order in both directions, order_id breaking ties:
// ordered_at and order_id are never null; amount is, and its nulls come last ascending and
// first descending, as a backward index scan returns them.
const orderBy = (filter: OrderFilter): Prisma.Sql => {
  const dir = filter.dir === "asc" ? sql`ASC` : sql`DESC`;
  if (filter.sort === "orderId") return sql`ORDER BY o.order_id ${dir}`;
  if (filter.sort === "amount") return filter.dir === "asc" ? sql`ORDER BY o.amount ASC NULLS LAST, o.order_id ASC` : sql`ORDER BY o.amount DESC NULLS FIRST, o.order_id DESC`;
  return sql`ORDER BY o.ordered_at ${dir}, o.order_id ${dir}`;
};

const afterCursor = (filter: OrderFilter, cursor: Cursor): Prisma.Sql => {
  const [value, orderId] = cursor;
  const asc = filter.dir === "asc";
  if (filter.sort === "orderId") return asc ? sql`o.order_id > ${orderId}` : sql`o.order_id < ${orderId}`;
  if (filter.sort === "amount") {
    if (asc) {
      return value === null
        ? sql`(o.amount IS NULL AND o.order_id > ${orderId})`
        : sql`(o.amount > ${value}::numeric OR (o.amount = ${value}::numeric AND o.order_id > ${orderId}) OR o.amount IS NULL)`;
    }
    return value === null
      ? sql`((o.amount IS NULL AND o.order_id < ${orderId}) OR o.amount IS NOT NULL)`
      : sql`(o.amount < ${value}::numeric OR (o.amount = ${value}::numeric AND o.order_id < ${orderId}))`;
  }
  if (value === null) throw new AppError("VALIDATION_FAILED", "The page cursor is not valid.", { messageKey: "orders.cursorInvalid" });
  const at = new Date(value);
  return asc ? sql`(o.ordered_at, o.order_id) > (${at}, ${orderId})` : sql`(o.ordered_at, o.order_id) < (${at}, ${orderId})`;
};

export type OrderRow = {
  order_id: string;
  order_type: string | null;
  ordered_at: Date;
  customer_id: string | null;
  customer_name: string | null;
  charging_mode: string | null;
  products: string | null;
  amount: string | null;
  amount_after_discount: string | null;
  currency: string | null;
  test_flag: boolean;
  source: string;
  fetched_at: Date | null;
  fetch_error: string | null;
};

export const toOrderListItem = (row: OrderRow): OrderListItem => ({
  orderId: row.order_id,
  orderType: row.order_type,
  orderedAt: row.ordered_at.toISOString(),
  customerId: row.customer_id,
  customerName: row.customer_name,
  chargingMode: row.charging_mode,
  products: row.products,
  amount: row.amount,
  amountAfterDiscount: row.amount_after_discount,
  currency: row.currency,
  testFlag: row.test_flag,
  source: row.source,
  fetchedAt: row.fetched_at?.toISOString() ?? null,
  fetchError: row.fetch_error,
});

const cursorOf = (filter: OrderFilter, row: OrderRow): Cursor => [
  filter.sort === "amount" ? row.amount : filter.sort === "orderId" ? row.order_id : row.ordered_at.toISOString(),
  row.order_id,
];

/** Runs the page query; the export may pass a plain `pg` pool (see export-connection.ts). */
export type OrderRowReader = (query: Prisma.Sql) => Promise<OrderRow[]>;

/** One page of orders (and the cursor of the next), without the total; shared with the export. */
export const findOrderPage = async (
  filter: OrderFilter,
  after: string | undefined,
  limit: number,
  deps: Pick<Deps, "db">,
  read: OrderRowReader = (query) => deps.db.$queryRaw<OrderRow[]>(query),
): Promise<{ rows: OrderRow[]; nextCursor: string | null }> => {
  const where = orderWhere(filter);
  const keyset = after ? sql`AND ${afterCursor(filter, decodeCursor(after))}` : sql``;
  const rows = await read(sql`
    SELECT o.order_id, o.order_type, o.ordered_at, o.customer_id, o.customer_name, o.charging_mode,
           (SELECT string_agg(DISTINCT l.product_code, ', ') FROM order_lines l WHERE l.order_id = o.order_id) AS products,
           o.amount::text AS amount,
           o.amount_after_discount::text AS amount_after_discount,
           o.currency, o.test_flag, o.source, o.fetched_at, o.fetch_error
    FROM orders o ${where} ${keyset}
    ${orderBy(filter)}
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(filter, last)) : null };
};

// Counting a million rows costs more than the page itself. The planner's estimate comes first
// (a millisecond); a filter it expects to match more than this many orders shows the estimate
// ("about 1,000,000"), which is what an operator needs from it, and anything smaller is counted
// exactly, with a cap in case the estimate was far too low.
export const EXACT_COUNT_LIMIT = 10_000;

const estimateOrders = async (where: Prisma.Sql, deps: Pick<Deps, "db">): Promise<number> => {
  const [plan] = await deps.db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM orders o ${where}`;
  return Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
};

export const countOrders = async (
  filter: OrderFilter,
  deps: Pick<Deps, "db">,
  exactUpTo = EXACT_COUNT_LIMIT,
): Promise<{ total: number; totalIsExact: boolean }> => {
  const where = orderWhere(filter);
  const estimate = await estimateOrders(where, deps);
  if (estimate > exactUpTo) return { total: estimate, totalIsExact: false };
  const [row] = await deps.db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM (SELECT 1 FROM orders o ${where} LIMIT ${exactUpTo + 1}) AS capped`;
  const counted = row?.total ?? 0;
  // Never claim fewer than the rows just seen.
  return counted <= exactUpTo ? { total: counted, totalIsExact: true } : { total: Math.max(estimate, counted), totalIsExact: false };
};

export const listOrders = async (query: OrderListQuery, deps: Pick<Deps, "db">, options: { exactUpTo?: number } = {}): Promise<OrderPage> => {
  const [page, counted] = await Promise.all([findOrderPage(query, query.after, query.limit, deps), countOrders(query, deps, options.exactUpTo)]);
  return { orders: page.rows.map(toOrderListItem), ...counted, nextCursor: page.nextCursor };
};
