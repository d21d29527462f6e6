import { PlanError, planBuyerAction, type BuyerAction } from "@/lib/marketplace/koogallery/simulator";
import { AppError } from "@/server/errors";
import type { ActionOutcome } from "@/server/simulator/buy-product";
import { deliverChain } from "@/server/simulator/deliver-callback";
import { planContext } from "@/server/simulator/simulator-ids";
import type { SimulatorRuntime } from "@/server/simulator/simulator-runtime";
import { recordOrders, snapshotOf } from "@/server/simulator/subscription-snapshot";

// Everything a buyer does after the purchase. The callbacks of one action go out in order and
// stop at the first failure; the marketplace's retries take over from there.
export const performBuyerAction = async (
  input: { subscriptionId: string; action: Exclude<BuyerAction, "buy">; source?: "console" | "seed" | "cli" },
  runtime: SimulatorRuntime,
): Promise<ActionOutcome> => {
  const { db } = runtime.deps;
  const row = await db.simulatorSubscription.findUnique({ where: { id: input.subscriptionId } });
  if (!row) throw new AppError("NOT_FOUND", "no such simulated purchase", { messageKey: "simulator.errors.unknownSubscription" });
  const snapshot = snapshotOf(row);
  let plan;
  try {
    plan = planBuyerAction(input.action, snapshot, planContext(runtime.deps.now()));
  } catch (error) {
    if (error instanceof PlanError) throw new AppError("CONFLICT", error.message, { messageKey: "simulator.errors.actionNotPossible" });
    throw error;
  }
  await recordOrders(row.id, plan.orders, runtime.deps);
  const deliveries = await deliverChain(
    {
      callbacks: plan.callbacks,
      effect: plan.effect,
      targetUrl: row.targetUrl,
      purpose: input.source === "seed" ? "seed" : "buyer",
      subscriptionId: row.id,
      followUp: true,
      // The debugging tool checks usage fields only when present (§9), so neither does this.
      requireUsage: false,
    },
    runtime,
  );
  const last = deliveries.at(-1);
  // A refused 续费变更校验 means the marketplace does not go ahead: the order is refunded.
  if (last && last.state !== "succeeded" && plan.callbacks[deliveries.length - 1]?.activity === "changeInstanceCheck") {
    await db.simulatorOrder.updateMany({ where: { orderId: { in: plan.orders.map((o) => o.orderId) } }, data: { status: "refunded" } });
  }
  if (plan.callbacks.length === 0) {
    await db.simulatorSubscription.update({ where: { id: row.id }, data: { status: plan.effect.status, updatedAt: runtime.deps.now() } });
  }
  if (plan.action === "unsubscribe" && deliveries.every((d) => d.state === "succeeded")) {
    await db.simulatorOrder.updateMany({ where: { orderId: row.orderId }, data: { status: "refunded" } });
  }
  if (snapshot.licenceCode && deliveries.every((d) => d.state === "succeeded")) {
    await db.simulatorLicenceCode.update({
      where: { code: snapshot.licenceCode },
      data: plan.effect.status === "released" ? { status: "RELEASED", updatedAt: runtime.deps.now() } : { expireAt: plan.effect.expireAt ?? undefined, updatedAt: runtime.deps.now() },
    });
  }
  return { subscriptionId: row.id, deliveries };
};
