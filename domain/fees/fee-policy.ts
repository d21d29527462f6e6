import { money, type Money } from "./money";

// The marketplace's bill tabs: 通用商品, 联营商品, 严选 (& 认证部件), 华为自服务商品.
export const PRODUCT_CATEGORIES = ["general", "joint", "curated", "huawei"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const isProductCategory = (value: unknown): value is ProductCategory =>
  typeof value === "string" && (PRODUCT_CATEGORIES as readonly string[]).includes(value);

// A cliff tier: reaching fromAmount in a month moves the whole month's amount to this rate.
export type FeeTier = { fromAmount: Money; platformFeePercent: Money };

// One row of the versioned policy table. The newest row in force when an order was placed wins,
// among the rows the product is eligible for.
export type FeePolicy = {
  id: string;
  category: ProductCategory;
  effectiveFrom: Date;
  // Only products whose own ratio equals this take part ("平台费比例为5%的商品"); null: every product.
  eligibleRatioPercent: Money | null;
  // Empty: the product settles at its own ratio. Otherwise the month's amount picks one tier.
  tiers: FeeTier[];
};

// What the seller agreed when listing the product (卖家中心 › 我的商品 › 结算规则).
export type ProductTerms = { productCode: string; category: ProductCategory; platformFeePercent: Money };

// Products the console has not been told about are general products at the standard 5%, the
// ratio every general product had from 2019-05-01 until the 2022-11-11 baselines.
export const DEFAULT_PLATFORM_FEE_PERCENT = money(5);
export const defaultProductTerms = (productCode: string): ProductTerms => ({
  productCode,
  category: "general",
  platformFeePercent: DEFAULT_PLATFORM_FEE_PERCENT,
});

export const POLICY_2019_ID = "general-2019-05-01";
export const POLICY_2024_ID = "general-2024-03-01";

// The shipped table (koogallery-money.md §1.2–§1.3). The SQL migration seeds the same rows; a
// test checks both reproduce T1–T8.
export const SHIPPED_POLICIES: readonly FeePolicy[] = [
  {
    id: POLICY_2019_ID,
    category: "general",
    effectiveFrom: new Date("2019-05-01T00:00:00+08:00"),
    eligibleRatioPercent: null,
    tiers: [],
  },
  {
    id: POLICY_2024_ID,
    category: "general",
    effectiveFrom: new Date("2024-03-01T00:00:00+08:00"),
    eligibleRatioPercent: money(5),
    tiers: [
      { fromAmount: money(0), platformFeePercent: money(5) },
      { fromAmount: money(500_000), platformFeePercent: money(4) },
      { fromAmount: money(1_000_000), platformFeePercent: money(3) },
    ],
  },
];

// Old terms follow the order, not the month: an order placed before a change (a renewal placed
// on 2024-02-28 that takes effect in April included) settles under the policy in force when it
// was placed. Categories without a row of their own (联营, 严选, 华为商品) settle at their own ratio.
export const resolvePolicy = (policies: readonly FeePolicy[], product: ProductTerms, placedAt: Date): FeePolicy | null => {
  let chosen: FeePolicy | null = null;
  for (const policy of policies) {
    if (policy.category !== product.category) continue;
    if (policy.effectiveFrom.getTime() > placedAt.getTime()) continue;
    if (policy.eligibleRatioPercent && !policy.eligibleRatioPercent.equals(product.platformFeePercent)) continue;
    if (!chosen || policy.effectiveFrom.getTime() > chosen.effectiveFrom.getTime()) chosen = policy;
  }
  return chosen;
};

export const sortedTiers = (tiers: readonly FeeTier[]): FeeTier[] =>
  [...tiers].sort((a, b) => a.fromAmount.comparedTo(b.fromAmount));

// Inclusive lower bounds ("50万 ≤ X"): exactly 500,000.00 reaches the 96% tier.
export const tierIndexFor = (tiers: readonly FeeTier[], amount: Money): number => {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (amount.greaterThanOrEqualTo(tier.fromAmount)) index = i;
  });
  return index;
};

export type RateDecision = {
  policyId: string | null;
  tiered: boolean;
  platformFeePercent: Money;
  tierIndex: number | null;
};

export const rateFor = (policy: FeePolicy | null, product: ProductTerms, tierAmount: Money): RateDecision => {
  if (!policy || policy.tiers.length === 0) {
    return { policyId: policy?.id ?? null, tiered: false, platformFeePercent: product.platformFeePercent, tierIndex: null };
  }
  const tiers = sortedTiers(policy.tiers);
  const index = tierIndexFor(tiers, tierAmount);
  return { policyId: policy.id, tiered: true, platformFeePercent: tiers[index]!.platformFeePercent, tierIndex: index };
};
