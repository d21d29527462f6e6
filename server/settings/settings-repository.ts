import { Prisma } from "@/generated/prisma/client";
import { isSecretSetting, SETTINGS, type SettingKey } from "@/domain/settings/settings-catalog";
import type { Deps } from "@/server/deps";

type Reader = Pick<Deps, "db" | "secretBox">;

// Plain values live in `value`; secrets only as ciphertext bound to their own key name.
export const readSettingValue = async (key: SettingKey, deps: Reader): Promise<string | null> => {
  const row = await deps.db.setting.findUnique({ where: { key } });
  return decodeSettingRow(key, row, deps);
};

export const decodeSettingRow = (
  key: SettingKey,
  row: { value: unknown; encryptedValue: string | null } | null,
  deps: Pick<Deps, "secretBox">,
): string | null => {
  if (isSecretSetting(key)) return row?.encryptedValue ? deps.secretBox.decrypt(row.encryptedValue, key) : null;
  if (typeof row?.value === "string") return row.value;
  const definition = SETTINGS[key] as { defaultValue?: string };
  return definition.defaultValue ?? null;
};

export const readAllSettings = async (deps: Reader): Promise<Map<SettingKey, string | null>> => {
  const rows = await deps.db.setting.findMany();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const out = new Map<SettingKey, string | null>();
  for (const key of Object.keys(SETTINGS) as SettingKey[]) out.set(key, decodeSettingRow(key, byKey.get(key) ?? null, deps));
  return out;
};

export const settingWriteData = (key: SettingKey, value: string | null, deps: Pick<Deps, "secretBox">) =>
  isSecretSetting(key)
    ? { value: Prisma.DbNull, encryptedValue: value === null ? null : deps.secretBox.encrypt(value, key) }
    : { value: value === null ? Prisma.DbNull : value, encryptedValue: null };
