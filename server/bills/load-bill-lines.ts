import { beijingMonthEnd, beijingMonthStart } from "@/domain/fees/beijing-month";
import { money } from "@/domain/fees/money";
import { attributeOrder, type AttributedLine } from "@/domain/fees/order-attribution";
import type { Deps } from "@/server/deps";
import { PRODUCT_CODE_SQL } from "@/server/fees/fee-order-source";

type OrderRow = {
  order_id: string;
  order_type: string | null;
  charging_mode: string | null;
  amount: string | null;
  created_at: Date;
  test_flag: boolean;
  product_code: string;
};

export type BillSourceLine = AttributedLine & { productCode: string };

// The bill reads orders one by one (it stores a line per order) and applies the domain's
// attribution rules; the fee report sums the same orders in SQL (fee-order-source.ts). The
// integration test holds the two to the same totals.
export const loadBillSourceLines = async (month: string, deps: Pick<Deps, "db">): Promise<BillSourceLine[]> => {
  const rows = await deps.db.$queryRawUnsafe<OrderRow[]>(
    `SELECT o.order_id, o.order_type, o.charging_mode, o.amount::text AS amount, o.created_at, o.test_flag,
            ${PRODUCT_CODE_SQL} AS product_code
       FROM orders o
      WHERE o.created_at >= $1::timestamptz AND o.created_at < $2::timestamptz
      ORDER BY o.created_at, o.order_id`,
    beijingMonthStart(month),
    beijingMonthEnd(month),
  );
  return rows.flatMap((row) => {
    const line = attributeOrder({
      orderId: row.order_id,
      orderType: row.order_type,
      chargingMode: row.charging_mode,
      amount: row.amount === null ? null : money(row.amount),
      createdAt: row.created_at,
      testFlag: row.test_flag,
    });
    return line ? [{ ...line, productCode: row.product_code }] : [];
  });
};
