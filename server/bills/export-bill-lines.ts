import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { fen } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Column names the import recognises, so a console export (CSV or Excel) can be re-imported as a check.
const COLUMNS = ["order_id", "product_code", "kind", "attributed_at", "amount", "platform_fee_percent", "platform_fee", "settlement"] as const;
const MONEY_COLUMNS = new Set(["amount", "platform_fee", "settlement"]);

const loadLines = async (billUuid: string, deps: Pick<Deps, "db">) => {
  const bill = await deps.db.bill.findUnique({ where: { id: billUuid }, select: { billId: true, category: true } });
  if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
  const lines = await deps.db.billLine.findMany({ where: { billUuid }, orderBy: [{ attributedAt: "asc" }, { orderId: "asc" }] });
  const records = lines.map((line) => [
    line.orderId,
    line.productCode,
    line.kind,
    line.attributedAt.toISOString(),
    fen(line.amount),
    line.platformFeePercent.toString(),
    fen(line.platformFee),
    fen(line.settlement),
  ]);
  return { bill, records };
};

export const exportBillLinesCsv = async (billUuid: string, deps: Pick<Deps, "db">): Promise<{ fileName: string; csv: string }> => {
  const { bill, records } = await loadLines(billUuid, deps);
  const csv = stringify(records, { header: true, bom: true, columns: [...COLUMNS] });
  return { fileName: `bill-${bill.billId}-${bill.category}.csv`, csv };
};

// The same table as a workbook: money and percentages as numbers (Excel can sum them), shown
// with two places; the values are the fen strings above, so nothing beyond a fen is invented.
export const exportBillLinesXlsx = async (billUuid: string, deps: Pick<Deps, "db">): Promise<{ fileName: string; content: Buffer }> => {
  const { bill, records } = await loadLines(billUuid, deps);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`bill-${bill.billId}`);
  sheet.columns = COLUMNS.map((key) => ({ header: key, key, width: key === "order_id" || key === "attributed_at" ? 26 : 16 }));
  for (const record of records) {
    sheet.addRow(COLUMNS.map((key, i) => (MONEY_COLUMNS.has(key) || key === "platform_fee_percent" ? Number(record[i]) : record[i])));
  }
  for (const key of MONEY_COLUMNS) sheet.getColumn(key).numFmt = "0.00";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return { fileName: `bill-${bill.billId}-${bill.category}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
};
