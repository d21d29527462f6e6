// The dashboard's running figures (order_daily_figures, instance_status_counts) are kept by
// triggers on every write (migration 000011). This recomputes them from the rows themselves, for
// bulk loads that bypassed nothing but want a clean start (seed:large) or a check after the fact.
// Writers wait on the table locks while it runs, so no concurrent change is lost or counted twice.
export const REBUILD_ORDER_FIGURES_SQL = [
  "LOCK TABLE orders, instances IN SHARE ROW EXCLUSIVE MODE",
  "DELETE FROM order_daily_figures",
  `INSERT INTO order_daily_figures (day, order_type, test_flag, orders, amount)
     SELECT ((ordered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(order_type, ''), test_flag, count(*),
            sum(coalesce(amount_after_discount, amount, 0))
     FROM orders GROUP BY 1, 2, 3`,
  "DELETE FROM instance_status_counts",
  "INSERT INTO instance_status_counts (status, test_flag, instances) SELECT status, test_flag, count(*) FROM instances GROUP BY 1, 2",
];

type Queryable = { query: (sql: string) => Promise<unknown> } | { $executeRawUnsafe: (sql: string) => Promise<unknown> };

/** Runs inside the caller's transaction (pg client after BEGIN, or a Prisma transaction client). */
export const rebuildOrderFigures = async (db: Queryable): Promise<void> => {
  for (const statement of REBUILD_ORDER_FIGURES_SQL) {
    if ("query" in db) await db.query(statement);
    else await db.$executeRawUnsafe(statement);
  }
};
