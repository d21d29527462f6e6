import type { Instance } from "@/generated/prisma/client";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";

export const findInstanceOr000003 = async (
  instanceId: string,
  ctx: CallbackContext,
): Promise<{ instance: Instance } | { missing: HandlerResult }> => {
  const instance = await ctx.deps.db.instance.findUnique({ where: { instanceId } });
  if (instance) return { instance };
  return { missing: { instanceId, answer: buildResultAnswer("000003", `instance ${instanceId} does not exist`) } };
};

export const recordInstanceEvent = (
  ctx: CallbackContext,
  event: { instanceId: string; kind: string; orderId?: string | null; details?: Record<string, unknown> },
) =>
  ctx.deps.db.instanceEvent.create({
    data: {
      instanceId: event.instanceId,
      kind: event.kind,
      orderId: event.orderId ?? null,
      inboundRequestId: ctx.inboundRequestId,
      details: (event.details ?? {}) as object,
      occurredAt: ctx.deps.now(),
    },
  });

export const unfrozenStatus = (instance: Pick<Instance, "provisionedAt">): "active" | "provisioning" => (instance.provisionedAt ? "active" : "provisioning");
