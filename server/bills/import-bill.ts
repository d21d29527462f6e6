import { randomUUID } from "node:crypto";
import { formatFen, money } from "@/domain/fees/money";
import { importTotals, reconcileBill, type ReconcileLine } from "@/domain/fees/reconcile-bill";
import type { BillImportDto, ImportBillInput } from "@/lib/contracts/bills";
import { readBillFile } from "@/server/bills/read-bill-file";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Compares the marketplace's bill detail export with the lines the console computed for the same
// bill, and keeps the comparison: a bill that matches is settled, one that does not has its list.
export const importBill = async (
  billUuid: string,
  input: ImportBillInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<BillImportDto> => {
  const bill = await deps.db.bill.findUnique({ where: { id: billUuid }, select: { id: true, billId: true, category: true } });
  if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
  const parsed = await readBillFile(input);
  if (parsed.lines.length === 0) {
    throw new AppError("VALIDATION_FAILED", "The file has no readable bill lines.", {
      messageKey: parsed.errors[0]?.message === "missing_columns" ? "bills.importMissingColumns" : "bills.importEmpty",
    });
  }
  const stored = await deps.db.billLine.findMany({ where: { billUuid }, select: { orderId: true, amount: true, platformFee: true, settlement: true } });
  const consoleLines: ReconcileLine[] = stored.map((line) => ({
    orderId: line.orderId,
    amount: money(line.amount.toString()),
    platformFee: money(line.platformFee.toString()),
    settlement: money(line.settlement.toString()),
  }));
  const differences = reconcileBill(consoleLines, parsed.lines).map((d) => ({
    orderId: d.orderId,
    kind: d.kind,
    console: d.console ? formatFen(d.console) : null,
    imported: d.imported ? formatFen(d.imported) : null,
  }));
  const totals = importTotals(parsed.lines);
  const id = randomUUID();
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    await tx.billImport.create({
      data: {
        id,
        billUuid,
        fileName: input.fileName,
        lineCount: parsed.lines.length,
        amount: totals.amount.toFixed(3),
        platformFee: totals.platformFee.toFixed(3),
        differences,
        differenceCount: differences.length,
        importedBy: actor.email,
        importedAt: now,
      },
    });
    await recordAuditEvent(
      tx,
      { actor, action: "bills.imported", targetType: "bill", targetId: `${bill.billId}:${bill.category}`, ipAddress: actor.ipAddress, details: { fileName: input.fileName, differences: differences.length } },
      now,
    );
  });
  return {
    id,
    fileName: input.fileName,
    importedAt: now.toISOString(),
    importedBy: actor.email,
    lineCount: parsed.lines.length,
    amount: formatFen(totals.amount),
    platformFee: formatFen(totals.platformFee),
    differenceCount: differences.length,
    differences,
    rowErrors: parsed.errors,
  };
};
