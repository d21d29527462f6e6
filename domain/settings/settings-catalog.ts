import { z } from "zod";
import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule } from "@/domain/fulfilment/retry-policy";

export const PROVISIONING_MODES = ["none", "webhook", "manual"] as const;
export type ProvisioningMode = (typeof PROVISIONING_MODES)[number];

// Keys bound by the marketplace are opaque strings; we only refuse what cannot be a key.
const keySchema = z
  .string()
  .trim()
  .min(6, { message: "settings.keyTooShort" })
  .max(256, { message: "settings.keyTooLong" })
  .regex(/^[\x21-\x7e]+$/, { message: "settings.keyCharacters" });

const httpUrlSchema = z
  .string()
  .trim()
  .max(512, { message: "settings.urlTooLong" })
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, { message: "settings.urlInvalid" });

// Validation failures of the alert settings point at the field's own help text, which says
// what the value should look like.
const emailAddress = z.email();
const emailListSchema = z
  .string()
  .trim()
  .max(1000, { message: "settings.keys.alerts__emailTo.help" })
  .refine((value) => {
    const addresses = value.split(/[,;]/).map((part) => part.trim()).filter(Boolean);
    return addresses.length >= 1 && addresses.length <= 20 && addresses.every((address) => emailAddress.safeParse(address).success);
  }, { message: "settings.keys.alerts__emailTo.help" });

const emailFromSchema = z
  .string()
  .trim()
  .max(320, { message: "settings.keys.alerts__emailFrom.help" })
  .refine((value) => emailAddress.safeParse(/<([^<>]+)>$/.exec(value)?.[1] ?? value).success, { message: "settings.keys.alerts__emailFrom.help" });

const smtpUrlSchema = z
  .string()
  .trim()
  .max(512, { message: "settings.urlTooLong" })
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, { message: "settings.keys.alerts__smtpUrl.help" });

type SettingDefinition = {
  secret: boolean;
  schema: z.ZodType<string>;
  envVar?: string;
  defaultValue?: string;
  group: "marketplace" | "console" | "products" | "fulfilment";
};

export const SETTINGS = {
  "marketplace.v1Key": { secret: true, schema: keySchema, envVar: "KOOGALLERY_V1_KEY", group: "marketplace" },
  "marketplace.basicAccessKey.current": { secret: true, schema: keySchema, envVar: "KOOGALLERY_BASIC_ACCESS_KEY", group: "marketplace" },
  "marketplace.basicAccessKey.previous": { secret: true, schema: keySchema, group: "marketplace" },
  "marketplace.licenseAccessKey.current": { secret: true, schema: keySchema, envVar: "KOOGALLERY_LICENSE_ACCESS_KEY", group: "marketplace" },
  "marketplace.licenseAccessKey.previous": { secret: true, schema: keySchema, group: "marketplace" },
  "marketplace.kitAccessKey.current": { secret: true, schema: keySchema, envVar: "KOOGALLERY_KIT_ACCESS_KEY", group: "marketplace" },
  "marketplace.kitAccessKey.previous": { secret: true, schema: keySchema, group: "marketplace" },
  "marketplace.ak": { secret: true, schema: keySchema, envVar: "KOOGALLERY_AK", group: "marketplace" },
  "marketplace.sk": { secret: true, schema: keySchema, envVar: "KOOGALLERY_SK", group: "marketplace" },
  "marketplace.apiBaseUrl": {
    secret: false,
    schema: httpUrlSchema,
    envVar: "KOOGALLERY_API_BASE_URL",
    defaultValue: "https://mkt.myhuaweicloud.com",
    group: "marketplace",
  },
  "console.publicBaseUrl": { secret: false, schema: httpUrlSchema, envVar: "PUBLIC_BASE_URL", group: "console" },
  "products.defaultProvisioningMode": {
    secret: false,
    schema: z.enum(PROVISIONING_MODES, { message: "settings.provisioningMode" }),
    defaultValue: "none",
    group: "products",
  },
  "products.defaultFrontEndUrl": {
    secret: false,
    schema: httpUrlSchema,
    defaultValue: "https://saas.example.com/login",
    group: "products",
  },
  "fulfilment.retryScheduleSeconds": {
    secret: false,
    schema: z
      .string()
      .trim()
      .refine((value) => parseRetrySchedule(value) !== null, { message: "settings.retrySchedule" }),
    defaultValue: DEFAULT_RETRY_SCHEDULE_SECONDS.join(","),
    group: "fulfilment",
  },
  // Alerts on failing deliveries: e-mail needs both the recipients and the SMTP server.
  "alerts.emailTo": { secret: false, schema: emailListSchema, group: "fulfilment" },
  "alerts.emailFrom": { secret: false, schema: emailFromSchema, group: "fulfilment" },
  // The URL carries the SMTP password.
  "alerts.smtpUrl": { secret: true, schema: smtpUrlSchema, group: "fulfilment" },
  // Chat robot URLs carry their access token; whoever has one can post to the group.
  "alerts.chatWebhookUrl": { secret: true, schema: httpUrlSchema, group: "fulfilment" },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const isSettingKey = (value: string): value is SettingKey => Object.hasOwn(SETTINGS, value);
export const isSecretSetting = (key: SettingKey): boolean => SETTINGS[key].secret;

// Shows enough to recognise which key is bound (as the marketplace's own console does) and no more.
export const maskSecret = (value: string): string => {
  if (value.length <= 8) return "•".repeat(8);
  return `${value.slice(0, 2)}${"•".repeat(8)}${value.slice(-2)}`;
};

export type SettingsPatch = Partial<Record<SettingKey, string | null>>;

export type SettingsPatchIssue = { key: SettingKey; code: string };

// null clears a setting; a string is validated against the key's own rule.
export const validateSettingsPatch = (
  patch: Record<string, unknown>,
): { ok: true; patch: SettingsPatch } | { ok: false; issues: { key: string; code: string }[] } => {
  const issues: { key: string; code: string }[] = [];
  const clean: SettingsPatch = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (!isSettingKey(key)) {
      issues.push({ key, code: "settings.unknownKey" });
      continue;
    }
    if (raw === null) {
      clean[key] = null;
      continue;
    }
    const parsed = SETTINGS[key].schema.safeParse(raw);
    if (parsed.success) clean[key] = parsed.data;
    else issues.push({ key, code: parsed.error.issues[0]?.message ?? "settings.invalid" });
  }
  return issues.length ? { ok: false, issues } : { ok: true, patch: clean };
};
