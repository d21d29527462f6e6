import { defaultProductTerms, isProductCategory, type FeePolicy, type FeeTier, type ProductTerms } from "@/domain/fees/fee-policy";
import { DEFAULT_FEE_SETTINGS, type FeeSettings } from "@/domain/fees/fee-settings";
import { money } from "@/domain/fees/money";
import type { Deps } from "@/server/deps";

export type FeeConfig = {
  policies: FeePolicy[];
  settings: FeeSettings;
  termsOf: (productCode: string) => ProductTerms;
  terms: Map<string, ProductTerms>;
};

type StoredTier = { fromAmount: string; platformFeePercent: string };

export const parseStoredTiers = (value: unknown): FeeTier[] =>
  Array.isArray(value)
    ? (value as StoredTier[]).map((tier) => ({ fromAmount: money(tier.fromAmount), platformFeePercent: money(tier.platformFeePercent) }))
    : [];

export const loadFeePolicies = async (deps: Pick<Deps, "db">): Promise<FeePolicy[]> => {
  const rows = await deps.db.feePolicy.findMany({ orderBy: { effectiveFrom: "asc" } });
  return rows.flatMap((row) =>
    isProductCategory(row.category)
      ? [
          {
            id: row.id,
            category: row.category,
            effectiveFrom: row.effectiveFrom,
            eligibleRatioPercent: row.eligibleRatioPercent === null ? null : money(row.eligibleRatioPercent.toString()),
            tiers: parseStoredTiers(row.tiers),
          },
        ]
      : [],
  );
};

export const loadFeeConfig = async (deps: Pick<Deps, "db">): Promise<FeeConfig> => {
  const [policies, settingsRow, termRows] = await Promise.all([
    loadFeePolicies(deps),
    deps.db.feeSettings.findUnique({ where: { id: 1 } }),
    deps.db.feeProductTerms.findMany(),
  ]);
  const terms = new Map<string, ProductTerms>();
  for (const row of termRows) {
    if (!isProductCategory(row.category)) continue;
    terms.set(row.productCode, { productCode: row.productCode, category: row.category, platformFeePercent: money(row.platformFeePercent.toString()) });
  }
  const settings: FeeSettings = settingsRow
    ? { tierAmountBasis: settingsRow.tierAmountBasis === "paid" ? "paid" : "net", tierCountsOldTerms: settingsRow.tierCountsOldTerms }
    : DEFAULT_FEE_SETTINGS;
  return { policies, settings, terms, termsOf: (code) => terms.get(code) ?? defaultProductTerms(code) };
};
