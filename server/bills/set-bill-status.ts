import type { SetBillStatusInput } from "@/lib/contracts/bills";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

// Operators mirror what the marketplace shows; the marketplace can move a bill back (会签驳回,
// 申付被驳回), so any status may follow any other, and each move is kept with who and why.
export const setBillStatus = async (
  billUuid: string,
  input: SetBillStatusInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<void> => {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const [bill] = await tx.$queryRaw<{ status: string; bill_id: string; category: string }[]>`
      SELECT status, bill_id, category FROM bills WHERE id = ${billUuid}::uuid FOR UPDATE`;
    if (!bill) throw new AppError("NOT_FOUND", "No such bill.", { messageKey: "bills.notFound" });
    if (bill.status === input.status) return;
    await tx.bill.update({ where: { id: billUuid }, data: { status: input.status, statusChangedAt: now, updatedAt: now } });
    await tx.billStatusChange.create({
      data: { billUuid, fromStatus: bill.status, toStatus: input.status, note: input.note || null, actorEmail: actor.email, changedAt: now },
    });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "bills.status_changed",
        targetType: "bill",
        targetId: `${bill.bill_id}:${bill.category}`,
        ipAddress: actor.ipAddress,
        details: { from: bill.status, to: input.status },
      },
      now,
    );
  });
};
