import { stringify } from "csv-stringify/sync";
import { fen } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Column names the import recognises, so a console export can be re-imported as a check.
export const exportBillLinesCsv = async (billUuid: string, deps: Pick<Deps, "db">): Promise<{ fileName: string; csv: string }> => {
  const bill = await deps.db.bill.findUnique({ where: { id: billUuid }, select: { billId: true, category: true } });
  if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
  const lines = await deps.db.billLine.findMany({ where: { billUuid }, orderBy: [{ attributedAt: "asc" }, { orderId: "asc" }] });
  const csv = stringify(
    lines.map((line) => [
      line.orderId,
      line.productCode,
      line.kind,
      line.attributedAt.toISOString(),
      fen(line.amount),
      line.platformFeePercent.toString(),
      fen(line.platformFee),
      fen(line.settlement),
    ]),
    { header: true, bom: true, columns: ["order_id", "product_code", "kind", "attributed_at", "amount", "platform_fee_percent", "platform_fee", "settlement"] },
  );
  return { fileName: `bill-${bill.billId}-${bill.category}.csv`, csv };
};
