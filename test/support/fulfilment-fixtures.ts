import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import type { Deps } from "@/server/deps";
import { enqueueLifecycleEvent } from "@/server/fulfilment/enqueue-lifecycle-event";
import { generateWebhookSecret, sealWebhookSecret } from "@/server/fulfilment/product-webhook-secret";

export const createWebhookProduct = async (deps: Deps, webhookUrl: string, productCode = `P-${randomUUID().slice(0, 8)}`) => {
  const secret = generateWebhookSecret();
  const product = await deps.db.product.create({
    data: {
      id: randomUUID(),
      productCode,
      provisioningMode: "webhook",
      frontEndUrl: "https://default.example.com",
      webhookUrl,
      webhookSecretSealed: sealWebhookSecret(productCode, secret, deps),
      webhookTimeoutMs: 2000,
    },
  });
  return { product, secret };
};

export const createProvisioningInstance = async (db: Db, productCode: string, orderId = `CS${randomUUID().slice(0, 10)}`) =>
  db.instance.create({
    data: {
      id: randomUUID(),
      instanceId: randomUUID().replaceAll("-", ""),
      dedupeKey: `v2:${orderId}:${orderId}-1`,
      generation: "v2",
      orderId,
      orderLineId: `${orderId}-1`,
      productCode,
      status: "provisioning",
    },
  });

export const enqueue = async (
  deps: Deps,
  type: "instance.created" | "instance.renewed" | "instance.released" | "instance.frozen",
  instance: Awaited<ReturnType<typeof createProvisioningInstance>>,
  product: { provisioningMode: string },
) => enqueueLifecycleEvent({ type, product, defaultMode: "none", instance, orderId: instance.orderId, testFlag: false, inboundRequestId: null }, deps.db, deps.now());
