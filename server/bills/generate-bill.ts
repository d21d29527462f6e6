import { randomUUID } from "node:crypto";
import { billIdOf } from "@/domain/fees/beijing-month";
import { expectedPaymentDate } from "@/domain/fees/bill-timeline";
import { INITIAL_BILL_STATUS } from "@/domain/fees/bill-status";
import { sumMoney, type Money } from "@/domain/fees/money";
import { allocateGroupFee, settleProductMonth } from "@/domain/fees/settle-product-month";
import type { GenerateBillInput } from "@/lib/contracts/bills";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import { loadBillSourceLines, type BillSourceLine } from "@/server/bills/load-bill-lines";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { loadFeeConfig } from "@/server/fees/load-fee-config";

type ComputedLine = BillSourceLine & { platformFeePercent: Money; platformFee: Money; settlement: Money; policyId: string | null; tierIndex: number | null };

// (Re)computes the bill of a month and category from the stored orders. Its lines are replaced
// each time; its status and history stay. A paid bill is final.
export const generateBill = async (
  input: GenerateBillInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ uuid: string; lineCount: number }> => {
  const config = await loadFeeConfig(deps);
  const source = (await loadBillSourceLines(input.month, deps)).filter((line) => config.termsOf(line.productCode).category === input.category);
  const byProduct = new Map<string, BillSourceLine[]>();
  for (const line of source) byProduct.set(line.productCode, [...(byProduct.get(line.productCode) ?? []), line]);

  const computed: ComputedLine[] = [];
  for (const [productCode, lines] of byProduct) {
    const result = settleProductMonth({ product: config.termsOf(productCode), lines, policies: config.policies, settings: config.settings });
    for (const group of result.groups) {
      const members = group.lineIndexes.map((i) => lines[i]!);
      const fees = allocateGroupFee(members.map((line) => line.amount), group.platformFeePercent, group.platformFee);
      members.forEach((line, i) => {
        const fee = fees[i]!;
        computed.push({
          ...line,
          platformFeePercent: group.platformFeePercent,
          platformFee: fee,
          settlement: line.amount.minus(fee),
          policyId: group.policyId,
          tierIndex: group.tiered ? result.tierIndex : null,
        });
      });
    }
  }
  computed.sort((a, b) => a.attributedAt.getTime() - b.attributedAt.getTime() || a.orderId.localeCompare(b.orderId));

  const billId = billIdOf(input.month);
  const now = deps.now();
  const totals = {
    amount: sumMoney(computed.map((line) => line.amount)).toFixed(3),
    platformFee: sumMoney(computed.map((line) => line.platformFee)).toFixed(3),
    settlement: sumMoney(computed.map((line) => line.settlement)).toFixed(3),
    lineCount: computed.length,
  };
  const uuid = await deps.db.$transaction(
    async (tx) => {
      const existing = await tx.bill.findUnique({ where: { billId_category: { billId, category: input.category } } });
      if (existing?.status === "paid") throw new AppError("CONFLICT", "A paid bill cannot be regenerated.", { messageKey: "bills.paidIsFinal" });
      const id = existing?.id ?? randomUUID();
      if (existing) {
        await tx.billLine.deleteMany({ where: { billUuid: id } });
        await tx.bill.update({ where: { id }, data: { ...totals, generatedAt: now, generatedBy: actor.email, updatedAt: now } });
      } else {
        await tx.bill.create({
          data: {
            id,
            billId,
            category: input.category,
            status: INITIAL_BILL_STATUS,
            ...totals,
            expectedPaymentDate: new Date(`${expectedPaymentDate(input.month, input.category)}T00:00:00Z`),
            generatedAt: now,
            generatedBy: actor.email,
            statusChangedAt: now,
            createdAt: now,
            updatedAt: now,
          },
        });
        await tx.billStatusChange.create({ data: { billUuid: id, fromStatus: null, toStatus: INITIAL_BILL_STATUS, actorEmail: actor.email, changedAt: now } });
      }
      for (let i = 0; i < computed.length; i += 5000) {
        await tx.billLine.createMany({
          data: computed.slice(i, i + 5000).map((line) => ({
            billUuid: id,
            orderId: line.orderId,
            productCode: line.productCode,
            kind: line.kind,
            placedAt: line.placedAt,
            attributedAt: line.attributedAt,
            amount: line.amount.toFixed(3),
            platformFeePercent: line.platformFeePercent.toFixed(4),
            platformFee: line.platformFee.toFixed(3),
            settlement: line.settlement.toFixed(3),
            policyId: line.policyId,
            tierIndex: line.tierIndex,
          })),
        });
      }
      await recordAuditEvent(
        tx,
        { actor, action: "bills.generated", targetType: "bill", targetId: `${billId}:${input.category}`, ipAddress: actor.ipAddress, details: { lines: computed.length, platformFee: totals.platformFee } },
        now,
      );
      return id;
    },
    { timeout: 60_000 },
  );
  return { uuid, lineCount: computed.length };
};
