import type { SetInstanceStatusCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent, unfrozenStatus } from "@/server/gateway/handlers/instance-lookup";

export const handleSetInstanceStatus = async (command: SetInstanceStatusCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  const base = { instanceId: instance.instanceId, orderId: command.orderId ?? instance.orderId };
  if (instance.status === "released") {
    // Freezing what is already gone changes nothing and is not an error; bringing it back is impossible.
    return command.frozen
      ? { ...base, answer: buildResultAnswer("000000") }
      : { ...base, answer: buildResultAnswer("000003", `instance ${instance.instanceId} was released and cannot be unfrozen`) };
  }
  // Only a frozen instance is unfrozen, and only back to where it was: one frozen before its
  // tenant was ever provisioned goes back to "provisioning", not to an "active" with no tenant.
  const target = command.frozen ? "frozen" : instance.status === "frozen" ? unfrozenStatus(instance) : instance.status;
  if (instance.status !== target) {
    const now = ctx.deps.now();
    await ctx.deps.db.instance.update({
      where: { instanceId: instance.instanceId },
      data: { status: target, frozenAt: command.frozen ? now : null, updatedAt: now },
    });
    await recordInstanceEvent(ctx, { instanceId: instance.instanceId, kind: command.frozen ? "frozen" : "unfrozen", orderId: command.orderId });
  }
  return { ...base, answer: buildResultAnswer("000000") };
};
