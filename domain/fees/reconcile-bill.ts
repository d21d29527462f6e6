import { sumMoney, ZERO, type Money } from "./money";

export type ReconcileLine = { orderId: string; amount: Money; platformFee: Money | null; settlement: Money | null };

export type DifferenceKind = "missing_in_console" | "missing_in_import" | "amount" | "platform_fee" | "settlement";

export type BillDifference = {
  orderId: string;
  kind: DifferenceKind;
  console: Money | null;
  imported: Money | null;
};

const byOrder = (lines: readonly ReconcileLine[]) => {
  const map = new Map<string, { amount: Money; platformFee: Money | null; settlement: Money | null }>();
  for (const line of lines) {
    const entry = map.get(line.orderId);
    // An order split over several lines (order lines, or a refund next to its purchase) is
    // compared as one figure: the marketplace's export and the console may split it differently.
    map.set(line.orderId, {
      amount: (entry?.amount ?? ZERO).plus(line.amount),
      platformFee: line.platformFee === null ? (entry?.platformFee ?? null) : (entry?.platformFee ?? ZERO).plus(line.platformFee),
      settlement: line.settlement === null ? (entry?.settlement ?? null) : (entry?.settlement ?? ZERO).plus(line.settlement),
    });
  }
  return map;
};

// Every difference is listed, exact to the fen; a column the import lacks is not compared.
export const reconcileBill = (consoleLines: readonly ReconcileLine[], importedLines: readonly ReconcileLine[]): BillDifference[] => {
  const mine = byOrder(consoleLines);
  const theirs = byOrder(importedLines);
  const differences: BillDifference[] = [];
  for (const [orderId, imported] of theirs) {
    const computed = mine.get(orderId);
    if (!computed) {
      differences.push({ orderId, kind: "missing_in_console", console: null, imported: imported.amount });
      continue;
    }
    if (!computed.amount.equals(imported.amount)) differences.push({ orderId, kind: "amount", console: computed.amount, imported: imported.amount });
    if (imported.platformFee && computed.platformFee && !computed.platformFee.equals(imported.platformFee)) {
      differences.push({ orderId, kind: "platform_fee", console: computed.platformFee, imported: imported.platformFee });
    }
    if (imported.settlement && computed.settlement && !computed.settlement.equals(imported.settlement)) {
      differences.push({ orderId, kind: "settlement", console: computed.settlement, imported: imported.settlement });
    }
  }
  for (const [orderId, computed] of mine) {
    if (!theirs.has(orderId)) differences.push({ orderId, kind: "missing_in_import", console: computed.amount, imported: null });
  }
  return differences.sort((a, b) => a.orderId.localeCompare(b.orderId) || a.kind.localeCompare(b.kind));
};

export const importTotals = (lines: readonly ReconcileLine[]) => ({
  amount: sumMoney(lines.map((line) => line.amount)),
  platformFee: sumMoney(lines.flatMap((line) => (line.platformFee ? [line.platformFee] : []))),
});
