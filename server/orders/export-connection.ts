import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";
import type { OrderRow, OrderRowReader } from "@/server/orders/list-orders";

// Why exports read through plain `pg`: measured over 300,000 orders in 1,000-row pages, Prisma's
// raw-query path let the heap climb to ~140 MB between collections (peak RSS ~310 MB with the
// client's own ~100 MB), where the same queries through `pg` peaked at ~50 MB of heap. The rows
// are the same shape either way (timestamptz → Date, the amounts cast to text in the query).
export const pgOrderRowReader =
  (pool: Pick<pg.Pool, "query">): OrderRowReader =>
  async (query: Prisma.Sql) =>
    (await pool.query<OrderRow>(query.text, query.values as unknown[])).rows;

let pool: pg.Pool | undefined;

/**
 * The row reader the export routes use: a small pool of its own on a PostgreSQL server; on the
 * embedded database (one connection that everything shares, see server/db.ts) none, so the
 * export reads through Prisma like everything else.
 */
export const exportRowReader = (): OrderRowReader | undefined => {
  const env = getEnv();
  if (env.EMBEDDED_DATABASE === "true") return undefined;
  pool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, idleTimeoutMillis: 30_000 });
  return pgOrderRowReader(pool);
};
