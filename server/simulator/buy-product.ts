import { randomInt, randomUUID } from "node:crypto";
import { findSimProduct, planPurchase } from "@/lib/marketplace/koogallery/simulator";
import { AppError } from "@/server/errors";
import { demoCustomer } from "@/server/simulator/demo-customers";
import { assertKeyConfigured, deliverCallback, type CallbackPurpose, type Delivery } from "@/server/simulator/deliver-callback";
import { newLicenceCode, planContext } from "@/server/simulator/simulator-ids";
import type { SimulatorRuntime } from "@/server/simulator/simulator-runtime";
import { recordOrders } from "@/server/simulator/subscription-snapshot";

export type BuyProductInput = {
  productKey: string;
  targetUrl: string;
  skuCode?: string;
  customer?: { customerId: string; customerName: string };
  source?: "console" | "seed" | "cli";
};

export type ActionOutcome = { subscriptionId: string; deliveries: Delivery[] };

const purposeOf = (source: BuyProductInput["source"]): CallbackPurpose => (source === "seed" ? "seed" : "buyer");

// A buyer pays for a new order: the marketplace records the order and calls the seller.
export const buyProduct = async (input: BuyProductInput, runtime: SimulatorRuntime): Promise<ActionOutcome> => {
  const product = findSimProduct(input.productKey);
  if (!product) throw new AppError("NOT_FOUND", `no simulator product ${input.productKey}`, { messageKey: "simulator.errors.unknownProduct" });
  assertKeyConfigured(runtime, product.keyKind);
  const { db, now } = runtime.deps;
  const at = now();
  const customer = input.customer ?? demoCustomer(randomInt(1000));
  const { snapshot, plan } = planPurchase({ product, ...customer, skuCode: input.skuCode }, planContext(at));
  const subscriptionId = randomUUID();
  const licenceCode = product.billing === "licenceCode" ? newLicenceCode() : null;
  await db.simulatorSubscription.create({
    data: {
      id: subscriptionId,
      productKey: product.key,
      generation: product.generation,
      targetUrl: input.targetUrl,
      customerId: snapshot.customerId,
      customerName: snapshot.customerName,
      productId: snapshot.productId,
      skuCode: snapshot.skuCode,
      chargingMode: product.chargingMode,
      isTrial: snapshot.isTrial,
      // A licence code is the product itself: nothing to open at the seller.
      status: licenceCode ? "active" : "opening",
      licenceCode,
      orderId: snapshot.orderId,
      orderLineId: snapshot.orderLineId,
      expireAt: snapshot.expireAt,
      source: input.source ?? "console",
      createdAt: at,
      updatedAt: at,
    },
  });
  await recordOrders(subscriptionId, plan.orders, runtime.deps);
  if (licenceCode) {
    await db.simulatorLicenceCode.create({
      data: { code: licenceCode, subscriptionId, orderId: snapshot.orderId, productId: snapshot.productId, expireAt: snapshot.expireAt, createdAt: at, updatedAt: at },
    });
  }
  const deliveries: Delivery[] = [];
  for (const callback of plan.callbacks) {
    deliveries.push(
      await deliverCallback(
        {
          callback,
          targetUrl: input.targetUrl,
          purpose: purposeOf(input.source),
          subscriptionId,
          effect: plan.effect,
          followUp: true,
          requireUsage: false,
        },
        runtime,
      ),
    );
  }
  return { subscriptionId, deliveries };
};
