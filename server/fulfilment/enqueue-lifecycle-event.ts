import { randomUUID } from "node:crypto";
import type { LifecycleEventType } from "@/domain/fulfilment/lifecycle-events";
import type { Instance, Product } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";

type Db = Pick<Deps["db"], "delivery">;

export const instanceEventData = (instance: Instance, orderId: string) => ({
  instanceId: instance.instanceId,
  orderId,
  orderLineId: instance.orderLineId,
  productCode: instance.productCode,
  skuCode: instance.skuCode,
  customerId: instance.customerId,
  customerName: instance.customerName,
  chargingMode: instance.chargingMode,
  expireAt: instance.expireAt?.toISOString() ?? null,
  trial: instance.isTrial,
  test: instance.testFlag,
});

// Products in "none" mode and debugging traffic have nothing to deliver. Webhook products get a
// delivery for the workers; manual products get one that waits for an operator.
export const enqueueLifecycleEvent = async (
  input: {
    type: LifecycleEventType;
    product: Pick<Product, "provisioningMode"> | null;
    defaultMode: string;
    instance: Instance;
    orderId: string;
    extra?: Record<string, unknown>;
    testFlag: boolean;
    inboundRequestId: bigint | null;
  },
  db: Db,
  now: Date,
): Promise<string | null> => {
  const mode = input.product?.provisioningMode ?? input.defaultMode;
  if (input.testFlag || (mode !== "webhook" && mode !== "manual")) return null;
  const id = randomUUID();
  await db.delivery.create({
    data: {
      id,
      eventType: input.type,
      adapter: mode,
      instanceId: input.instance.instanceId,
      orderKey: input.instance.instanceId,
      orderId: input.orderId,
      productCode: input.instance.productCode,
      payload: { type: input.type, timestamp: now.toISOString(), data: { ...instanceEventData(input.instance, input.orderId), ...input.extra } },
      status: mode === "manual" ? "awaiting_operator" : "pending",
      nextAttemptAt: now,
      testFlag: input.testFlag,
      inboundRequestId: input.inboundRequestId,
      createdAt: now,
      updatedAt: now,
    },
  });
  return id;
};
