import type { Instance } from "@/generated/prisma/client";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { LifecycleEventType } from "@/domain/fulfilment/lifecycle-events";
import { enqueueLifecycleEvent } from "@/server/fulfilment/enqueue-lifecycle-event";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";

export const findInstanceOr000003 = async (
  instanceId: string,
  ctx: CallbackContext,
): Promise<{ instance: Instance } | { missing: HandlerResult }> => {
  const instance = await ctx.deps.db.instance.findUnique({ where: { instanceId } });
  if (instance) return { instance };
  return { missing: { instanceId, answer: buildResultAnswer("000003", `instance ${instanceId} does not exist`) } };
};

// Lifecycle events that the seller's SaaS (webhook products) or an operator (manual products)
// must act on; the rest (change checks) are history only.
const DELIVERED_AS: Record<string, LifecycleEventType> = {
  renewed: "instance.renewed",
  trial_to_formal: "instance.renewed",
  renewal_refunded: "instance.renewed",
  frozen: "instance.frozen",
  unfrozen: "instance.unfrozen",
  released: "instance.released",
  upgraded: "instance.upgraded",
  licence_issued: "license.issued",
};

export const recordInstanceEvent = async (
  ctx: CallbackContext,
  event: { instanceId: string; kind: string; orderId?: string | null; details?: Record<string, unknown> },
) => {
  const now = ctx.deps.now();
  await ctx.deps.db.instanceEvent.create({
    data: {
      instanceId: event.instanceId,
      kind: event.kind,
      orderId: event.orderId ?? null,
      inboundRequestId: ctx.inboundRequestId,
      details: (event.details ?? {}) as object,
      occurredAt: now,
    },
  });
  const type = DELIVERED_AS[event.kind];
  if (!type || ctx.testFlag) return;
  const instance = await ctx.deps.db.instance.findUniqueOrThrow({ where: { instanceId: event.instanceId } });
  const product = instance.productCode ? await ctx.deps.db.product.findUnique({ where: { productCode: instance.productCode } }) : null;
  await enqueueLifecycleEvent(
    {
      type,
      product,
      defaultMode: ctx.config.defaultProvisioningMode,
      instance,
      orderId: event.orderId ?? instance.orderId,
      extra: event.details,
      testFlag: ctx.testFlag,
      inboundRequestId: ctx.inboundRequestId,
    },
    ctx.deps.db,
    now,
  );
};

export const unfrozenStatus = (instance: Pick<Instance, "provisionedAt">): "active" | "provisioning" => (instance.provisionedAt ? "active" : "provisioning");
