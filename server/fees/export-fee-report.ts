import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
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
const feeReportRecords = (report: FeeReport): string[][] => {
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
  return records;
};

export const feeReportCsv = (report: FeeReport): string => stringify(feeReportRecords(report), { header: true, columns: [...COLUMNS], bom: true });

const NUMBER_COLUMNS = new Set<string>(["lines", "paid", "refunds", "net", "tier_amount", "tier", "seller_share_percent", "settlement", "platform_fee"]);
const MONEY_COLUMNS = ["paid", "refunds", "net", "tier_amount", "settlement", "platform_fee"];

// The same rows as a workbook: figures as numbers (shown with two places) so they can be summed
// in Excel, total rows in bold, and a second sheet with the readings the figures rest on.
export const feeReportXlsx = async (report: FeeReport): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`fees ${report.month}`);
  sheet.columns = COLUMNS.map((key) => ({ header: key, key, width: key === "product_name" ? 24 : key === "product_code" ? 20 : 14 }));
  for (const record of feeReportRecords(report)) {
    const row = sheet.addRow(COLUMNS.map((key, i) => (NUMBER_COLUMNS.has(key) && record[i] !== "" ? Number(record[i]) : record[i])));
    if (record[1] === "TOTAL") row.font = { bold: true };
  }
  for (const key of MONEY_COLUMNS) sheet.getColumn(key).numFmt = "#,##0.00";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const about = workbook.addWorksheet("settings");
  about.addRows([
    ["month", report.month],
    ["months", report.months.length],
    ["generated_at", report.generatedAt],
    ["tier_amount_basis", report.settings.tierAmountBasis],
    ["tier_counts_old_terms", report.settings.tierCountsOldTerms ? "yes" : "no"],
    ...report.tiers.map((tier, i) => [`tier ${i + 1} from`, Number(tier.fromAmount), "platform fee %", Number(tier.platformFeePercent)]),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
