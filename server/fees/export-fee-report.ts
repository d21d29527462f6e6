import { stringify } from "csv-stringify/sync";
import type { FeeReport } from "@/lib/contracts/fees";

const COLUMNS = [
  "month",
  "product_code",
  "product_name",
  "category",
  "lines",
  "paid",
  "refunds",
  "net",
  "tier_amount",
  "tier",
  "seller_share_percent",
  "settlement",
  "platform_fee",
] as const;

// One row per month × product, then one total row per month. The UTF-8 BOM makes Excel open the
// Chinese product names correctly, which is also how the report reaches Excel.
export const feeReportCsv = (report: FeeReport): string => {
  const records: string[][] = [];
  for (const month of [...report.months].reverse()) {
    for (const row of report.rows.filter((r) => r.month === month)) {
      records.push([
        row.month,
        row.productCode,
        row.productName ?? "",
        row.category,
        String(row.lineCount),
        row.paid,
        row.refunds,
        row.net,
        row.tierAmount ?? "",
        row.tierIndex === null ? "" : String(row.tierIndex + 1),
        row.sellerSharePercent,
        row.settlement,
        row.platformFee,
      ]);
    }
    const total = report.monthTotals.find((t) => t.month === month);
    if (total && total.lineCount > 0) {
      records.push([month, "TOTAL", "", "", String(total.lineCount), total.paid, total.refunds, total.net, "", "", "", total.settlement, total.platformFee]);
    }
  }
  return stringify(records, { header: true, columns: [...COLUMNS], bom: true });
};
