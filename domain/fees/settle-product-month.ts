import { rateFor, resolvePolicy, sortedTiers, type FeePolicy, type FeeTier, type ProductTerms } from "./fee-policy";
import type { FeeSettings } from "./fee-settings";
import { roundFen, sumMoney, ZERO, type Money } from "./money";

// One order line of a product attributed to the month (negative for refunds and downgrades), or
// several lines already summed by the database when they share a sign and a policy era.
export type MonthLine = { amount: Money; placedAt: Date };

export type RateGroup = {
  policyId: string | null;
  tiered: boolean;
  platformFeePercent: Money;
  amount: Money;
  platformFee: Money;
  settlement: Money;
  lineIndexes: number[];
};

export type ProductMonthSettlement = {
  paid: Money;
  refunds: Money;
  net: Money;
  // X, the amount the tier is chosen by; null when no line is under a tiered policy.
  tierAmount: Money | null;
  tierIndex: number | null;
  tiers: FeeTier[];
  sellerSharePercent: Money;
  platformFee: Money;
  settlement: Money;
  groups: RateGroup[];
};

const HUNDRED = 100;
const HUNDRED_MONEY = ZERO.plus(HUNDRED);

// The cliff applies to the whole month (T1: 150万 × 97%), so the fee is computed per rate over the
// month's summed amount and rounded once per rate; bill lines are an allocation of that figure
// (allocateGroupFee), which keeps the bill, the report and T1–T8 on the same number.
export const settleProductMonth = (input: {
  product: ProductTerms;
  lines: readonly MonthLine[];
  policies: readonly FeePolicy[];
  settings: FeeSettings;
}): ProductMonthSettlement => {
  const { product, lines, policies, settings } = input;
  const resolved = lines.map((line) => resolvePolicy(policies, product, line.placedAt));
  const tieredPolicy = resolved.find((policy) => policy && policy.tiers.length > 0) ?? null;
  let tierAmount: Money | null = null;
  if (tieredPolicy) {
    const counted = lines.filter((line, i) => {
      const isTiered = resolved[i]?.tiers.length ? true : false;
      if (!isTiered && !settings.tierCountsOldTerms) return false;
      return settings.tierAmountBasis === "net" || line.amount.isPositive();
    });
    tierAmount = sumMoney(counted.map((line) => line.amount));
  }

  const groups = new Map<string, RateGroup>();
  let tierIndex: number | null = null;
  lines.forEach((line, i) => {
    const decision = rateFor(resolved[i] ?? null, product, tierAmount ?? ZERO);
    if (decision.tierIndex !== null) tierIndex = decision.tierIndex;
    const key = `${decision.policyId}|${decision.platformFeePercent.toString()}`;
    const group = groups.get(key) ?? {
      policyId: decision.policyId,
      tiered: decision.tiered,
      platformFeePercent: decision.platformFeePercent,
      amount: ZERO,
      platformFee: ZERO,
      settlement: ZERO,
      lineIndexes: [],
    };
    group.amount = group.amount.plus(line.amount);
    group.lineIndexes.push(i);
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    group.platformFee = roundFen(group.amount.times(group.platformFeePercent).dividedBy(HUNDRED));
    group.settlement = group.amount.minus(group.platformFee);
  }
  const all = [...groups.values()];
  const paid = sumMoney(lines.filter((line) => line.amount.isPositive()).map((line) => line.amount));
  const refunds = sumMoney(lines.filter((line) => line.amount.isNegative()).map((line) => line.amount));
  // The share shown is the tier's when there is one, else the product's own: mixed months
  // (old-terms renewals next to new orders) show the effective rate beside it.
  const headline = all.find((group) => group.tiered) ?? all[0];
  const sellerSharePercent = headline ? HUNDRED_MONEY.minus(headline.platformFeePercent) : HUNDRED_MONEY.minus(product.platformFeePercent);
  return {
    paid,
    refunds,
    net: paid.plus(refunds),
    tierAmount,
    tierIndex,
    tiers: tieredPolicy ? sortedTiers(tieredPolicy.tiers) : [],
    sellerSharePercent,
    platformFee: sumMoney(all.map((group) => group.platformFee)),
    settlement: sumMoney(all.map((group) => group.settlement)),
    groups: all,
  };
};


// Splits a group's fee over its lines: each line gets its own rounded fee and the line with the
// largest amount absorbs the rounding difference, so the lines always add up to the group's fee.
export const allocateGroupFee = (amounts: readonly Money[], platformFeePercent: Money, groupFee: Money): Money[] => {
  if (amounts.length === 0) return [];
  const fees = amounts.map((amount) => roundFen(amount.times(platformFeePercent).dividedBy(HUNDRED)));
  let largest = 0;
  amounts.forEach((amount, i) => {
    if (amount.abs().greaterThan(amounts[largest]!.abs())) largest = i;
  });
  const others = sumMoney(fees.filter((_, i) => i !== largest));
  fees[largest] = groupFee.minus(others);
  return fees;
};
