import type { OrderNotifyCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { recordOrderFacts } from "@/server/gateway/order-repository";

export const handleOrderNotify = async (command: OrderNotifyCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  await recordOrderFacts({ orderId: command.orderId, orderLineId: command.orderLineId, testFlag: ctx.testFlag }, ctx.deps.now(), ctx.deps.db);
  return { orderId: command.orderId, answer: buildResultAnswer("000000") };
};
