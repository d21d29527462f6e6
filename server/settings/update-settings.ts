import { isSecretSetting, validateSettingsPatch, type SettingKey } from "@/domain/settings/settings-catalog";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { settingWriteData } from "@/server/settings/settings-repository";

export const updateSettings = async (
  rawPatch: Record<string, unknown>,
  actor: AuditActor | null,
  ipAddress: string | null,
  deps: Deps,
): Promise<{ changed: SettingKey[] }> => {
  const validated = validateSettingsPatch(rawPatch);
  if (!validated.ok) {
    throw new AppError("VALIDATION_FAILED", "Some settings are invalid; nothing was saved.", {
      messageKey: "errors.validation",
      issues: validated.issues.map((issue) => ({ path: issue.key, code: issue.code, message: issue.code })),
    });
  }
  const entries = Object.entries(validated.patch) as [SettingKey, string | null][];
  if (entries.length === 0) {
    throw new AppError("BAD_REQUEST", "No setting to change.", { messageKey: "settings.nothingToChange" });
  }
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    for (const [key, value] of entries) {
      const data = settingWriteData(key, value, deps);
      await tx.setting.upsert({
        where: { key },
        create: { key, ...data, updatedAt: now, updatedById: actor?.id ?? null },
        update: { ...data, updatedAt: now, updatedById: actor?.id ?? null },
      });
    }
    // Which settings changed, and for secrets only that they changed: never the values.
    const keyChanges = entries.filter(([key]) => isSecretSetting(key)).map(([key, value]) => ({ key, cleared: value === null }));
    const plainChanges = Object.fromEntries(entries.filter(([key]) => !isSecretSetting(key)));
    await recordAuditEvent(
      tx,
      {
        actor,
        action: keyChanges.length ? "settings.keys_changed" : "settings.changed",
        targetType: "settings",
        ipAddress,
        details: { keys: keyChanges, values: plainChanges },
      },
      now,
    );
  });
  forgetMarketplaceKeys();
  return { changed: entries.map(([key]) => key) };
};
