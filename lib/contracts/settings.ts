import { z } from "zod";

export const settingViewSchema = z.object({
  key: z.string(),
  group: z.enum(["marketplace", "console", "products", "fulfilment"]),
  secret: z.boolean(),
  isSet: z.boolean(),
  // Secrets: masked. Plain settings: the value or the default.
  display: z.string().nullable(),
  isDefault: z.boolean(),
  envVar: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SettingView = z.infer<typeof settingViewSchema>;

export const settingsPatchInputSchema = z.record(z.string(), z.string().nullable());

export const revealedSecretSchema = z.object({ key: z.string(), value: z.string() });
