import { Prisma } from "@/generated/prisma/client";
import type { InstanceListItem, InstanceListQuery, InstancePage, InstanceStatus } from "@/lib/contracts/instances";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

const sql = Prisma.sql;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const where = (query: InstanceListQuery, now: Date): Prisma.Sql => {
  const parts: Prisma.Sql[] = [];
  if (query.status) parts.push(sql`i.status = ${query.status}`);
  if (query.product) parts.push(sql`(i.product_code = ${query.product} OR i.sku_code = ${query.product})`);
  if (query.customer) parts.push(sql`(i.customer_id = ${query.customer} OR i.customer_name LIKE ${`${escapeLike(query.customer)}%`})`);
  if (query.orderId) parts.push(sql`i.order_id = ${query.orderId}`);
  if (query.expiringWithinDays !== undefined) {
    // Only instances that can still expire: a released one's expiry no longer means anything.
    parts.push(sql`i.status IN ('active', 'frozen') AND i.expire_at >= ${now} AND i.expire_at < ${new Date(now.getTime() + query.expiringWithinDays * 86_400_000)}`);
  }
  if (query.test === "only") parts.push(sql`i.test_flag`);
  if (query.test === "exclude") parts.push(sql`NOT i.test_flag`);
  return parts.length ? sql`WHERE ${Prisma.join(parts, " AND ")}` : sql`WHERE TRUE`;
};

type Row = {
  instance_id: string;
  status: InstanceStatus;
  generation: string;
  order_id: string;
  product_code: string | null;
  sku_code: string | null;
  customer_id: string | null;
  customer_name: string | null;
  charging_mode: string | null;
  is_trial: boolean;
  test_flag: boolean;
  expire_at: Date | null;
  created_at: Date;
};

const toItem = (row: Row): InstanceListItem => ({
  instanceId: row.instance_id,
  status: row.status,
  generation: row.generation,
  orderId: row.order_id,
  productCode: row.product_code,
  skuCode: row.sku_code,
  customerId: row.customer_id,
  customerName: row.customer_name,
  chargingMode: row.charging_mode,
  isTrial: row.is_trial,
  testFlag: row.test_flag,
  expireAt: row.expire_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

const decodeCursor = (text: string): [string, string] => {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string" && !Number.isNaN(Date.parse(value[0]))) return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", "The page cursor is not valid.", { messageKey: "instances.cursorInvalid" });
};

/** Newest first, by keyset on (created_at, instance_id). */
export const listInstances = async (query: InstanceListQuery, deps: Pick<Deps, "db" | "now">): Promise<InstancePage> => {
  const filter = where(query, deps.now());
  const cursor = query.after ? decodeCursor(query.after) : null;
  const keyset = cursor ? sql`AND (i.created_at, i.instance_id) < (${new Date(cursor[0])}, ${cursor[1]})` : sql``;
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<Row[]>`
      SELECT i.instance_id, i.status, i.generation, i.order_id, i.product_code, i.sku_code, i.customer_id, i.customer_name,
             i.charging_mode, i.is_trial, i.test_flag, i.expire_at, i.created_at
      FROM instances i ${filter} ${keyset}
      ORDER BY i.created_at DESC, i.instance_id DESC
      LIMIT ${query.limit + 1}`,
    deps.db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM instances i ${filter}`,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    instances: page.map(toItem),
    total: counted[0]?.total ?? 0,
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.instance_id])).toString("base64url") : null,
  };
};
