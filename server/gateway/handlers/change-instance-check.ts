import type { ChangeCheckCommand } from "@/domain/callbacks/callback-command";
import { buildResultAnswer } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent } from "@/server/gateway/handlers/instance-lookup";

// The console cannot know the seller's quotas, so a spec change is allowed for any live instance;
// refusing (for usage above a downgraded quota) is the provisioning adapter's call, later.
export const handleChangeInstanceCheck = async (command: ChangeCheckCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  if (instance.status === "released") {
    return { instanceId: instance.instanceId, answer: buildResultAnswer("000003", `instance ${instance.instanceId} was released`) };
  }
  await recordInstanceEvent(ctx, { instanceId: instance.instanceId, kind: "change_checked", details: { productInfo: command.productInfo } });
  return { instanceId: instance.instanceId, orderId: instance.orderId, answer: buildResultAnswer("000000") };
};
