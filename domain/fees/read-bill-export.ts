import { money, type Money } from "./money";
import type { ReconcileLine } from "./reconcile-bill";

// RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes, CRLF or LF.
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
};

// The marketplace's detail export has no published column list (koogallery-money.md §2.5), so
// headers are matched by the names seen on its pages and by the console's own export names.
const COLUMN_NAMES = {
  orderId: ["订单号", "订单id", "订单编号", "order id", "orderid", "order_id"],
  amount: ["交易金额", "订单金额", "金额", "amount", "transaction amount"],
  platformFee: ["平台服务费", "平台费", "platform fee", "platform_fee", "platformfee"],
  settlement: ["应结算金额", "结算金额", "本期结算金额", "settlement", "settlement amount"],
} as const;

type Column = keyof typeof COLUMN_NAMES;

export type BillExportParse = { lines: ReconcileLine[]; errors: { row: number; message: string }[] };

const normalise = (header: string) => header.trim().toLowerCase().replace(/\s+/g, " ");

const parseAmount = (raw: string): Money | null => {
  const cleaned = raw.replace(/[¥￥,\s]/g, "").replace(/^\((.*)\)$/, "-$1");
  if (cleaned === "" || cleaned === "-") return null;
  try {
    const value = money(cleaned);
    return value.isFinite() ? value : null;
  } catch {
    return null;
  }
};

// Rows of cells as text, whatever file they came from (CSV here, Excel in server/bills/read-bill-file.ts).
// Rows above the header (a title, the bill id) are skipped: the header is the first row that
// names an order id column.
export const readBillRows = (allRows: readonly (readonly string[])[]): BillExportParse => {
  const headerAt = allRows.findIndex((row) => row.some((cell) => (COLUMN_NAMES.orderId as readonly string[]).includes(normalise(cell))));
  const rows = headerAt > 0 ? allRows.slice(headerAt) : allRows;
  const offset = Math.max(headerAt, 0);
  const header = rows[0]?.map(normalise) ?? [];
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    index[column] = header.findIndex((name) => (COLUMN_NAMES[column] as readonly string[]).includes(name));
  }
  const errors: BillExportParse["errors"] = [];
  if (index.orderId < 0 || index.amount < 0) {
    return { lines: [], errors: [{ row: 1, message: "missing_columns" }] };
  }
  const lines: ReconcileLine[] = [];
  rows.slice(1).forEach((row, i) => {
    const orderId = row[index.orderId]?.trim() ?? "";
    const amount = parseAmount(row[index.amount] ?? "");
    if (!orderId || !amount) {
      errors.push({ row: offset + i + 2, message: "invalid_row" });
      return;
    }
    const cell = (column: Column) => (index[column] >= 0 ? parseAmount(row[index[column]] ?? "") : null);
    lines.push({ orderId, amount, platformFee: cell("platformFee"), settlement: cell("settlement") });
  });
  return { lines, errors };
};

export const readBillExport = (text: string): BillExportParse => readBillRows(parseCsv(text));
