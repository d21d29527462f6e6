import { ALL_PRIVATE_TARGETS, type AllowList, NO_PRIVATE_TARGETS, parseAllowList } from "@/domain/fulfilment/webhook-target";
import { type AppEnv, getEnv } from "@/server/env";

// Which internal addresses webhooks may reach. Unset: none on a shared PostgreSQL server (a
// production console); all but the metadata service with the embedded database (the demo, whose
// SaaS doubles run on this machine).
export const allowListFromEnv = (env: Pick<AppEnv, "FULFILMENT_ALLOW_PRIVATE_TARGETS" | "EMBEDDED_DATABASE">): AllowList => {
  const setting = env.FULFILMENT_ALLOW_PRIVATE_TARGETS;
  if (setting === undefined) return env.EMBEDDED_DATABASE === "true" ? ALL_PRIVATE_TARGETS : NO_PRIVATE_TARGETS;
  const parsed = parseAllowList(setting);
  if (!parsed.ok) throw new Error(`FULFILMENT_ALLOW_PRIVATE_TARGETS: ${parsed.error} (use true, false, or a comma-separated list of addresses and CIDR ranges)`);
  return parsed.allowList;
};

let cached: AllowList | undefined;
export const webhookAllowList = (): AllowList => (cached ??= allowListFromEnv(getEnv()));
