import { isBillStatus } from "@/domain/fees/bill-status";
import { isProductCategory } from "@/domain/fees/fee-policy";
import { monthOfBillId } from "@/domain/fees/beijing-month";
import { money } from "@/domain/fees/money";
import type { BillSummary } from "@/lib/contracts/bills";

type BillRow = {
  id: string;
  billId: string;
  category: string;
  status: string;
  amount: { toString(): string };
  platformFee: { toString(): string };
  settlement: { toString(): string };
  lineCount: number;
  expectedPaymentDate: Date | null;
  generatedAt: Date;
  imports?: { importedAt: Date; differenceCount: number }[];
};

export const fen = (value: { toString(): string }): string => money(value.toString()).toFixed(2);

export const toBillSummary = (row: BillRow): BillSummary => ({
  uuid: row.id,
  billId: row.billId,
  month: monthOfBillId(row.billId) ?? row.billId,
  category: isProductCategory(row.category) ? row.category : "general",
  status: isBillStatus(row.status) ? row.status : "countersigning",
  amount: fen(row.amount),
  platformFee: fen(row.platformFee),
  settlement: fen(row.settlement),
  lineCount: row.lineCount,
  expectedPaymentDate: row.expectedPaymentDate ? row.expectedPaymentDate.toISOString().slice(0, 10) : null,
  generatedAt: row.generatedAt.toISOString(),
  lastImport: row.imports?.[0] ? { importedAt: row.imports[0].importedAt.toISOString(), differenceCount: row.imports[0].differenceCount } : null,
});
