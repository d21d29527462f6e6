import type { ReleaseInstanceCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent } from "@/server/gateway/handlers/instance-lookup";
import { recordOrderFacts } from "@/server/gateway/order-repository";

export const handleReleaseInstance = async (command: ReleaseInstanceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  const now = ctx.deps.now();
  // Conditional update: of two concurrent releases only one records the event; both answer success.
  const released = await ctx.deps.db.instance.updateMany({
    where: { instanceId: instance.instanceId, status: { not: "released" } },
    data: { status: "released", releasedAt: now, updatedAt: now },
  });
  if (released.count === 1) {
    if (command.orderId && command.orderId !== instance.orderId) {
      await recordOrderFacts({ orderId: command.orderId, orderLineId: command.orderLineId, orderType: "UNSUBSCRIBE", testFlag: ctx.testFlag }, now, ctx.deps.db);
    }
    await recordInstanceEvent(ctx, { instanceId: instance.instanceId, kind: "released", orderId: command.orderId });
  }
  return { instanceId: instance.instanceId, orderId: command.orderId ?? instance.orderId, answer: buildResultAnswer("000000") };
};
