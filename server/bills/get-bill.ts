import type { BillDetail, BillDifferenceDto } from "@/lib/contracts/bills";
import { fen, toBillSummary } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// The page shows the first lines; the CSV export has them all.
const LINE_LIMIT = 500;

export const getBill = async (billUuid: string, deps: Pick<Deps, "db">): Promise<BillDetail> => {
  const bill = await deps.db.bill.findUnique({
    where: { id: billUuid },
    include: {
      imports: { orderBy: { importedAt: "desc" }, take: 5 },
      statusChanges: { orderBy: [{ changedAt: "desc" }, { id: "desc" }] },
      lines: { orderBy: [{ attributedAt: "asc" }, { orderId: "asc" }], take: LINE_LIMIT },
    },
  });
  if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
  return {
    ...toBillSummary(bill),
    totalLines: bill.lineCount,
    lines: bill.lines.map((line) => ({
      orderId: line.orderId,
      productCode: line.productCode,
      kind: line.kind,
      attributedAt: line.attributedAt.toISOString(),
      amount: fen(line.amount),
      platformFeePercent: line.platformFeePercent.toString().replace(/\.?0+$/, ""),
      platformFee: fen(line.platformFee),
      settlement: fen(line.settlement),
      tierIndex: line.tierIndex,
    })),
    history: bill.statusChanges.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      note: change.note,
      actorEmail: change.actorEmail,
      changedAt: change.changedAt.toISOString(),
    })),
    imports: bill.imports.map((row) => ({
      id: row.id,
      fileName: row.fileName,
      importedAt: row.importedAt.toISOString(),
      importedBy: row.importedBy,
      lineCount: row.lineCount,
      amount: fen(row.amount),
      platformFee: fen(row.platformFee),
      differenceCount: row.differenceCount,
      differences: row.differences as BillDifferenceDto[],
    })),
  };
};
