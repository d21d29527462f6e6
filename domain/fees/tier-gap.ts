import { beijingMonthEnd, beijingMonthStart, daysInMonth } from "./beijing-month";
import { tierIndexFor, type FeeTier } from "./fee-policy";
import { money, roundFen, ZERO, type Money } from "./money";

export type TierGap = {
  currentTierIndex: number;
  nextTier: FeeTier | null;
  // How much more must be sold this month to reach the next tier.
  gap: Money | null;
  // What reaching it is worth: the next tier's rate cut applied to the whole month at the threshold.
  saving: Money | null;
  elapsedFraction: number;
  daysLeft: number;
  // Month-end amount if the month continues at its pace so far.
  projectedAmount: Money;
  projectedTierIndex: number;
  // Extra sales per remaining day needed beyond the current pace; null when the pace suffices.
  extraPerDay: Money | null;
};

export const tierGap = (input: { month: string; tierAmount: Money; tiers: readonly FeeTier[]; now: Date }): TierGap => {
  const { month, tierAmount, tiers, now } = input;
  const start = beijingMonthStart(month).getTime();
  const end = beijingMonthEnd(month).getTime();
  const elapsedFraction = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const daysLeft = Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000));
  // Before the first hour the pace is noise; project nothing rather than a huge multiple.
  const projectedAmount =
    elapsedFraction >= 1 / (daysInMonth(month) * 24) ? roundFen(tierAmount.dividedBy(elapsedFraction)) : tierAmount;
  const currentTierIndex = tierIndexFor(tiers, tierAmount);
  const nextTier = tiers[currentTierIndex + 1] ?? null;
  const current = tiers[currentTierIndex];
  const gap = nextTier ? nextTier.fromAmount.minus(tierAmount) : null;
  const saving =
    nextTier && current ? roundFen(nextTier.fromAmount.times(current.platformFeePercent.minus(nextTier.platformFeePercent)).dividedBy(100)) : null;
  let extraPerDay: Money | null = null;
  if (nextTier && gap && daysLeft > 0 && projectedAmount.lessThan(nextTier.fromAmount)) {
    extraPerDay = roundFen(nextTier.fromAmount.minus(projectedAmount).dividedBy(daysLeft));
  }
  return {
    currentTierIndex,
    nextTier,
    gap,
    saving,
    elapsedFraction,
    daysLeft,
    projectedAmount: projectedAmount.isNegative() ? ZERO : projectedAmount,
    projectedTierIndex: tierIndexFor(tiers, projectedAmount),
    extraPerDay: extraPerDay ? money(extraPerDay) : null,
  };
};
