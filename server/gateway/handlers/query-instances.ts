import type { QueryInstancesCommand } from "@/domain/callbacks/callback-command";
import { buildQueryInstanceAnswer, buildResultAnswer, type EncryptType, type InstanceInfo } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { appInfoFor, usageInfoFor } from "@/server/gateway/instance-answers";

export const handleQueryInstances = async (command: QueryInstancesCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const rows = await ctx.deps.db.instance.findMany({ where: { instanceId: { in: command.instanceIds } } });
  if (rows.length === 0) {
    return { instanceId: command.instanceIds[0], answer: buildResultAnswer("000003", "none of the requested instances exists") };
  }
  const byId = new Map(rows.map((row) => [row.instanceId, row]));
  const now = ctx.deps.now();
  const info: InstanceInfo[] = [];
  let encryptType: EncryptType | undefined;
  // Answered in the order asked; unknown ids are left out rather than failing the whole batch.
  for (const id of command.instanceIds) {
    const instance = byId.get(id);
    if (!instance) continue;
    // Credentials only once provisioning has produced them (the marketplace polls after 000004).
    const app = instance.status === "provisioning" || instance.status === "failed" ? null : appInfoFor(instance, ctx);
    if (app && !app.ok) return { instanceId: id, answer: buildResultAnswer("000005", app.message) };
    if (app?.ok && app.encryptType) encryptType = app.encryptType;
    info.push({ instanceId: id, appInfo: app?.ok ? app.appInfo : undefined, usageInfo: usageInfoFor(instance, now) });
  }
  return { instanceId: command.instanceIds.length === 1 ? command.instanceIds[0] : undefined, orderId: rows.length === 1 ? rows[0]!.orderId : undefined, answer: buildQueryInstanceAnswer({ info, encryptType }) };
};
