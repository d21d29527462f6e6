import { maskSecret, SETTING_KEYS, SETTINGS } from "@/domain/settings/settings-catalog";
import type { SettingView } from "@/lib/contracts/settings";
import type { Deps } from "@/server/deps";
import { decodeSettingRow } from "@/server/settings/settings-repository";

export const getSettingsView = async (deps: Deps): Promise<SettingView[]> => {
  const rows = new Map((await deps.db.setting.findMany()).map((row) => [row.key, row]));
  return SETTING_KEYS.map((key) => {
    const definition = SETTINGS[key] as { secret: boolean; group: SettingView["group"]; envVar?: string; defaultValue?: string };
    const row = rows.get(key) ?? null;
    const value = decodeSettingRow(key, row, deps);
    const stored = definition.secret ? row?.encryptedValue != null : typeof row?.value === "string";
    return {
      key,
      group: definition.group,
      secret: definition.secret,
      isSet: value !== null,
      display: value === null ? null : definition.secret ? maskSecret(value) : value,
      isDefault: !stored && value !== null,
      envVar: definition.envVar ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
};
