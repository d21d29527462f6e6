import { beijingMonthEnd, beijingMonthStart } from "@/domain/fees/beijing-month";
import { money } from "@/domain/fees/money";
import type { AttributedLine, LineKind } from "@/domain/fees/order-attribution";
import type { Deps } from "@/server/deps";

export type BillSourceLine = AttributedLine & { productCode: string };

// A bill's lines: the billable orders attributed to its month, one line each, as the database
// keeps them (fee_order_facts, see server/fees/fee-order-source.ts) — the same rows the fee
// report's rollups sum, so the bill and the report cannot drift apart.
export const loadBillSourceLines = async (month: string, deps: Pick<Deps, "db">): Promise<BillSourceLine[]> => {
  const rows = await deps.db.feeOrderFact.findMany({
    where: { attributedAt: { gte: beijingMonthStart(month), lt: beijingMonthEnd(month) } },
    orderBy: [{ attributedAt: "asc" }, { orderId: "asc" }],
  });
  return rows.map((row) => ({
    orderId: row.orderId,
    productCode: row.productCode,
    kind: row.kind as LineKind,
    amount: money(row.amount.toString()),
    placedAt: row.placedAt,
    attributedAt: row.attributedAt,
  }));
};
