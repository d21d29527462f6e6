import { randomUUID } from "node:crypto";
import { beijingMonthStart } from "@/domain/fees/beijing-month";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import { generateBill } from "@/server/bills/generate-bill";
import { setBillStatus } from "@/server/bills/set-bill-status";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

export const DEMO_PRODUCT_CODE = "00301-DEMO-INVOICE-0--0";

// Demo data for the platform-fee invoice flow, on a console with the simulator on only: the
// simulator's own orders carry testFlag=1 and never reach a bill, so this stores two real-looking
// orders of a past month (a purchase and its partial refund, source "demo"), then generates the
// month's general-product bill and marks it paid through the bills capability.
export const seedDemoPaidBill = async (
  input: { month: string },
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ billUuid: string; orderIds: string[] }> => {
  const existing = await deps.db.bill.findUnique({ where: { billId_category: { billId: input.month.replace("-", ""), category: "general" } } });
  if (existing) throw new AppError("CONFLICT", "That month already has a general-product bill; choose another month.", { messageKey: "invoices.platformFee.errors.demoMonthTaken" });
  const start = new Date(beijingMonthStart(input.month));
  const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const orders = [
    { orderId: `DEMOINV${suffix}N`, orderType: "NEW", amount: "2000.00", createdAt: at(3) },
    { orderId: `DEMOINV${suffix}R`, orderType: "UNSUBSCRIBE", amount: "500.00", createdAt: at(12) },
  ];
  await deps.db.$transaction(async (tx) => {
    for (const order of orders) {
      await tx.order.create({
        data: {
          id: randomUUID(),
          orderId: order.orderId,
          orderType: order.orderType,
          chargingMode: "PERIOD",
          amount: order.amount,
          currency: "CNY",
          testFlag: false,
          source: "demo",
          createdAt: order.createdAt,
          updatedAt: order.createdAt,
          orderedAt: order.createdAt,
        },
      });
      await tx.orderLine.create({ data: { id: randomUUID(), orderId: order.orderId, orderLineId: `${order.orderId}-000001`, productCode: DEMO_PRODUCT_CODE, createdAt: order.createdAt } });
    }
    await recordAuditEvent(tx, { actor, action: "platform_fee_invoices.demo_seeded", ipAddress: actor.ipAddress, details: { month: input.month, orders: orders.map((o) => o.orderId) } }, deps.now());
  });
  const { uuid } = await generateBill({ month: input.month, category: "general" }, actor, deps);
  await setBillStatus(uuid, { status: "paid", note: "demo" }, actor, deps);
  return { billUuid: uuid, orderIds: orders.map((o) => o.orderId) };
};
