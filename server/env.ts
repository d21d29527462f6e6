import { z } from "zod";

// The one place that reads process.env; everything else receives validated values.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  APP_SECRET: z
    .string()
    .min(32, { message: "APP_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)" }),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SESSION_COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  EMBEDDED_DATABASE: z.enum(["true", "false"]).default("false"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  // The marketplace simulator: on by default with the embedded database, off with a shared server.
  SIMULATOR: z.enum(["on", "off"]).optional(),
  FULFILMENT_ALLOW_PRIVATE_TARGETS: z.string().optional(), // webhooks to internal addresses: see domain/fulfilment/webhook-target.ts
});

export type AppEnv = z.infer<typeof envSchema>;

let cached: AppEnv | undefined;

export const getEnv = (): AppEnv => {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${details}`);
  }
  cached = parsed.data;
  return cached;
};
