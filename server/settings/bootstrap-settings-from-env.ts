import { SETTING_KEYS, SETTINGS, type SettingKey } from "@/domain/settings/settings-catalog";
import type { Deps } from "@/server/deps";
import { updateSettings } from "@/server/settings/update-settings";

// Environment variables seed settings that were never set, so a deployment can be configured
// without the UI; once an owner edits a setting in the console, the console's value wins.
export const bootstrapSettingsFromEnv = async (
  env: Record<string, string | undefined>,
  deps: Deps,
): Promise<SettingKey[]> => {
  const existing = new Set((await deps.db.setting.findMany({ select: { key: true } })).map((row) => row.key));
  const patch: Record<string, string> = {};
  for (const key of SETTING_KEYS) {
    const envVar = (SETTINGS[key] as { envVar?: string }).envVar;
    const value = envVar ? env[envVar]?.trim() : undefined;
    if (value && !existing.has(key)) patch[key] = value;
  }
  if (Object.keys(patch).length === 0) return [];
  const { changed } = await updateSettings(patch, { id: null, email: "environment" }, null, deps);
  return changed;
};
