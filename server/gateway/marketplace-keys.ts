import type { ProvisioningMode } from "@/domain/settings/settings-catalog";
import type { Deps } from "@/server/deps";
import { readAllSettings } from "@/server/settings/settings-repository";

export type MarketplaceKeys = {
  v1Key: string | null;
  basic: string[];
  licence: string[];
  // 联营SaaS同步接口 key (§2.1), current then previous: V2 kit calls are signed with it.
  kit: string[];
  defaultProvisioningMode: ProvisioningMode;
  defaultFrontEndUrl: string;
};

const CACHE_MS = 5_000;
let cached: { at: number; keys: MarketplaceKeys } | null = null;

// Keys are read on every callback; a few seconds of caching keeps decryption off the hot path,
// and a key rotation in the console reaches every process within that time.
export const loadMarketplaceKeys = async (deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<MarketplaceKeys> => {
  const now = deps.now().getTime();
  if (cached && now - cached.at < CACHE_MS) return cached.keys;
  const settings = await readAllSettings(deps);
  const pair = (current: string | null | undefined, previous: string | null | undefined) =>
    [current, previous].filter((key): key is string => typeof key === "string" && key.length > 0);
  const keys: MarketplaceKeys = {
    v1Key: settings.get("marketplace.v1Key") ?? null,
    basic: pair(settings.get("marketplace.basicAccessKey.current"), settings.get("marketplace.basicAccessKey.previous")),
    licence: pair(settings.get("marketplace.licenseAccessKey.current"), settings.get("marketplace.licenseAccessKey.previous")),
    kit: pair(settings.get("marketplace.kitAccessKey.current"), settings.get("marketplace.kitAccessKey.previous")),
    defaultProvisioningMode: (settings.get("products.defaultProvisioningMode") ?? "none") as ProvisioningMode,
    defaultFrontEndUrl: settings.get("products.defaultFrontEndUrl") ?? "https://saas.example.com/login",
  };
  cached = { at: now, keys };
  return keys;
};

export const forgetMarketplaceKeys = () => {
  cached = null;
};
