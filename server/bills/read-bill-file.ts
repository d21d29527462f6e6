import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { readBillExport, readBillRows, type BillExportParse } from "@/domain/fees/read-bill-export";
import { AppError } from "@/server/errors";

const XLSX_MAGIC = "PK";

// A cell as the text the bill reader expects. Excel keeps numbers as doubles: 15 significant
// digits give back what was typed (33.33, not 33.329999999999998), never a float in the money.
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(value.toPrecision(15)).toFixed() : "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return "";
  }
  return String(value);
};

// The first worksheet of an .xlsx file as rows of cell text.
export const readXlsxRows = async (content: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("VALIDATION_FAILED", "The file is not a readable Excel workbook.", { messageKey: "bills.importUnreadable" });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  });
  return rows;
};

// The marketplace's bill detail export as CSV text or as an Excel workbook (sent base64-encoded).
export const readBillFile = async (input: { fileName: string; content?: string; contentBase64?: string }): Promise<BillExportParse> => {
  if (input.contentBase64 !== undefined) {
    const bytes = Buffer.from(input.contentBase64, "base64");
    if (bytes.subarray(0, 2).toString("latin1") === XLSX_MAGIC) return readBillRows(await readXlsxRows(bytes));
    // A CSV sent as bytes: UTF-8 (with or without BOM) is what both the marketplace and Excel write.
    return readBillExport(bytes.toString("utf8"));
  }
  return readBillExport(input.content ?? "");
};
