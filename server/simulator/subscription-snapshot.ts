import type { SimulatorSubscription } from "@/generated/prisma/client";
import { findSimProduct, type PlannedOrder, type SubscriptionSnapshot, type SubscriptionStatus } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

export const snapshotOf = (row: SimulatorSubscription): SubscriptionSnapshot => {
  const product = findSimProduct(row.productKey);
  if (!product) throw new AppError("CONFLICT", `product ${row.productKey} is no longer in the simulator's catalogue`);
  return {
    product,
    status: row.status as SubscriptionStatus,
    instanceId: row.instanceId,
    orderId: row.orderId,
    orderLineId: row.orderLineId,
    skuCode: row.skuCode,
    productId: row.productId,
    expireAt: row.expireAt,
    isTrial: row.isTrial,
    customerId: row.customerId,
    customerName: row.customerName,
    licenceCode: row.licenceCode,
  };
};

export const recordOrders = async (subscriptionId: string, orders: PlannedOrder[], deps: Pick<Deps, "db" | "now">) => {
  if (orders.length === 0) return;
  const now = deps.now();
  await deps.db.simulatorOrder.createMany({
    data: orders.map((order) => ({
      id: crypto.randomUUID(),
      subscriptionId,
      orderId: order.orderId,
      orderLineId: order.orderLineId,
      orderType: order.orderType,
      productId: order.productId,
      skuCode: order.skuCode,
      chargingMode: order.chargingMode,
      periodType: order.periodType ?? null,
      periodNumber: order.periodNumber ?? null,
      amount: order.amount,
      expireAt: order.expireAt ?? null,
      createdAt: now,
    })),
  });
};
