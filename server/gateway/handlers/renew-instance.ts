import type { RenewInstanceCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent, unfrozenStatus } from "@/server/gateway/handlers/instance-lookup";
import { recordOrderFacts } from "@/server/gateway/order-repository";
import { ensureProduct } from "@/server/gateway/product-repository";

const ORDER_TYPES: Record<RenewInstanceCommand["scene"], string> = {
  TRIAL_TO_FORMAL: "TRIAL_TO_FORMAL",
  RENEWAL: "RENEW",
  UNSUBSCRIBE_RENEWAL_PERIOD: "UNSUBSCRIBE",
  RENEWAL_CHANGE: "RENEW",
};

export const handleRenewInstance = async (command: RenewInstanceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  const base = { instanceId: instance.instanceId, orderId: command.orderId };
  if (instance.status === "released") {
    return { ...base, answer: buildResultAnswer("000003", `instance ${instance.instanceId} was released and cannot be renewed`) };
  }
  const now = ctx.deps.now();
  if (command.productCode) await ensureProduct({ productCode: command.productCode }, ctx.config, ctx.deps);
  await recordOrderFacts(
    {
      orderId: command.orderId,
      orderLineId: command.orderLineId,
      orderType: ORDER_TYPES[command.scene],
      amount: command.amount,
      periodType: command.periodType,
      periodNumber: command.periodNumber,
      productCode: command.productCode,
      expireAt: command.expireAt,
      testFlag: ctx.testFlag,
    },
    now,
    ctx.deps.db,
  );
  // A renewal during the freeze period brings an expired instance back (§8); a refunded renewal
  // period only moves the expiry back.
  const unfreeze = instance.status === "frozen" && command.expireAt.getTime() > now.getTime() && command.scene !== "UNSUBSCRIBE_RENEWAL_PERIOD";
  await ctx.deps.db.instance.update({
    where: { instanceId: instance.instanceId },
    data: {
      expireAt: command.expireAt,
      productCode: command.productCode ?? undefined,
      isTrial: command.scene === "TRIAL_TO_FORMAL" ? false : undefined,
      status: unfreeze ? unfrozenStatus(instance) : undefined,
      frozenAt: unfreeze ? null : undefined,
      updatedAt: now,
    },
  });
  await recordInstanceEvent(ctx, {
    instanceId: instance.instanceId,
    kind: command.scene === "TRIAL_TO_FORMAL" ? "trial_to_formal" : command.scene === "UNSUBSCRIBE_RENEWAL_PERIOD" ? "renewal_refunded" : "renewed",
    orderId: command.orderId,
    details: { scene: command.scene, from: instance.expireAt?.toISOString() ?? null, to: command.expireAt.toISOString(), unfrozen: unfreeze },
  });
  return { ...base, answer: buildResultAnswer("000000") };
};
