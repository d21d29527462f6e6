import type { UpgradeInstanceCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent } from "@/server/gateway/handlers/instance-lookup";
import { recordOrderFacts } from "@/server/gateway/order-repository";
import { ensureProduct } from "@/server/gateway/product-repository";

export const handleUpgradeInstance = async (command: UpgradeInstanceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  const base = { instanceId: instance.instanceId, orderId: command.orderId };
  if (instance.status === "released") {
    return { ...base, answer: buildResultAnswer("000003", `instance ${instance.instanceId} was released and cannot be upgraded`) };
  }
  const now = ctx.deps.now();
  if (command.productCode) await ensureProduct({ productCode: command.productCode, skuCode: command.skuCode }, ctx.config, ctx.deps);
  await recordOrderFacts(
    { orderId: command.orderId, orderLineId: command.orderLineId, orderType: "CHANGE", productCode: command.productCode, skuCode: command.skuCode, testFlag: ctx.testFlag },
    now,
    ctx.deps.db,
  );
  await ctx.deps.db.instance.update({
    where: { instanceId: instance.instanceId },
    data: { productCode: command.productCode ?? undefined, skuCode: command.skuCode ?? undefined, updatedAt: now },
  });
  const linear = Object.fromEntries(Object.entries(command.linear ?? {}).filter(([, v]) => v !== undefined));
  await recordInstanceEvent(ctx, {
    instanceId: instance.instanceId,
    kind: "upgraded",
    orderId: command.orderId,
    details: { fromProduct: instance.productCode, toProduct: command.productCode ?? instance.productCode, fromSku: instance.skuCode, toSku: command.skuCode ?? instance.skuCode, linear },
  });
  return { ...base, answer: buildResultAnswer("000000") };
};
