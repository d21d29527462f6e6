import { isSecretSetting, isSettingKey } from "@/domain/settings/settings-catalog";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { readSettingValue } from "@/server/settings/settings-repository";

export const revealSecretSetting = async (
  key: string,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<{ key: string; value: string }> => {
  if (!isSettingKey(key) || !isSecretSetting(key)) {
    throw new AppError("NOT_FOUND", `There is no secret setting named ${key}.`, { messageKey: "settings.unknownKey" });
  }
  const value = await readSettingValue(key, deps);
  if (value === null) throw new AppError("NOT_FOUND", `The secret ${key} is not set.`, { messageKey: "settings.notSet" });
  await recordAuditEvent(
    deps.db,
    { actor, action: "settings.secret_revealed", targetType: "setting", targetId: key, ipAddress },
    deps.now(),
  );
  return { key, value };
};
