import { addMonths, beijingMonthEnd, beijingMonthOf, beijingMonthStart, monthRange } from "@/domain/fees/beijing-month";
import { sortedTiers, type FeeTier } from "@/domain/fees/fee-policy";
import { formatFen, money, sumMoney, type Money } from "@/domain/fees/money";
import { settleProductMonth, type MonthLine } from "@/domain/fees/settle-product-month";
import { tierGap } from "@/domain/fees/tier-gap";
import type { FeeReport, FeeReportQuery, FeeReportRow, FeeTierDto, TierGapDto } from "@/lib/contracts/fees";
import type { Deps } from "@/server/deps";
import { boundariesAtBeijingMidnight, sumFeeGroupsFromOrders, sumFeeGroupsFromRollups } from "@/server/fees/fee-order-source";
import { loadFeeConfig } from "@/server/fees/load-fee-config";

export type FeeReportSource = "rollups" | "orders";

// The database sums a year of orders into one row per product, month, sign and policy era; the
// domain rules then run on those few rows, so the report and the bills share one implementation
// of the tiers and the rounding. The rollups are the fast way to those rows; reading the orders
// through the rule is the reference (and the fallback when a policy starts at another time of
// day than a Beijing midnight, which the rollups cannot split).
const sumFeeGroups = (deps: Pick<Deps, "db">, firstMonth: string, lastMonth: string, boundaries: Date[], source: FeeReportSource) =>
  source === "rollups" && boundariesAtBeijingMidnight(boundaries)
    ? sumFeeGroupsFromRollups(deps, firstMonth, lastMonth, boundaries)
    : sumFeeGroupsFromOrders(deps, beijingMonthStart(firstMonth), beijingMonthEnd(lastMonth), boundaries);

const tierDto = (tier: FeeTier): FeeTierDto => ({ fromAmount: formatFen(tier.fromAmount), platformFeePercent: tier.platformFeePercent.toString() });

const totalsOf = (rows: FeeReportRow[]) => ({
  paid: formatFen(sumMoney(rows.map((row) => money(row.paid)))),
  refunds: formatFen(sumMoney(rows.map((row) => money(row.refunds)))),
  net: formatFen(sumMoney(rows.map((row) => money(row.net)))),
  settlement: formatFen(sumMoney(rows.map((row) => money(row.settlement)))),
  platformFee: formatFen(sumMoney(rows.map((row) => money(row.platformFee)))),
  lineCount: rows.reduce((count, row) => count + row.lineCount, 0),
});

export const buildFeeReport = async (
  query: FeeReportQuery,
  deps: Pick<Deps, "db" | "now">,
  options: { source?: FeeReportSource } = {},
): Promise<FeeReport> => {
  const started = performance.now();
  const now = deps.now();
  const currentMonth = beijingMonthOf(now);
  const month = query.month ?? currentMonth;
  const firstMonth = addMonths(month, -(query.months - 1));
  const config = await loadFeeConfig(deps);
  const boundaries = [...new Set(config.policies.map((policy) => policy.effectiveFrom.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
  const [groups, products] = await Promise.all([
    sumFeeGroups(deps, firstMonth, month, boundaries, options.source ?? "rollups"),
    deps.db.product.findMany({ select: { productCode: true, name: true } }),
  ]);
  const names = new Map(products.map((product) => [product.productCode, product.name]));

  const byProductMonth = new Map<string, { productCode: string; month: string; lines: MonthLine[]; count: number }>();
  for (const group of groups) {
    const key = `${group.product_code}\u0000${group.month}`;
    const entry = byProductMonth.get(key) ?? { productCode: group.product_code, month: group.month, lines: [], count: 0 };
    // An era stands for every placing time inside it: the policy choice depends on nothing finer.
    const placedAt = group.era === 0 ? new Date(0) : boundaries[group.era - 1]!;
    entry.lines.push({ amount: money(group.amount), placedAt });
    entry.count += group.lines;
    byProductMonth.set(key, entry);
  }

  const rows: FeeReportRow[] = [];
  const tierAmounts = new Map<string, { amount: Money; tiers: FeeTier[] }>();
  for (const entry of byProductMonth.values()) {
    const terms = config.termsOf(entry.productCode);
    const result = settleProductMonth({ product: terms, lines: entry.lines, policies: config.policies, settings: config.settings });
    rows.push({
      month: entry.month,
      productCode: entry.productCode,
      productName: names.get(entry.productCode) ?? null,
      category: terms.category,
      productPlatformFeePercent: terms.platformFeePercent.toString(),
      lineCount: entry.count,
      paid: formatFen(result.paid),
      refunds: formatFen(result.refunds),
      net: formatFen(result.net),
      tierAmount: result.tierAmount ? formatFen(result.tierAmount) : null,
      tierIndex: result.tierIndex,
      sellerSharePercent: result.sellerSharePercent.toString(),
      settlement: formatFen(result.settlement),
      platformFee: formatFen(result.platformFee),
    });
    if (entry.month === currentMonth && result.tierAmount) tierAmounts.set(entry.productCode, { amount: result.tierAmount, tiers: result.tiers });
  }
  rows.sort((a, b) => b.month.localeCompare(a.month) || money(b.net).comparedTo(money(a.net)) || a.productCode.localeCompare(b.productCode));

  const months = monthRange(firstMonth, month);
  const monthTotals = months.map((m) => ({ month: m, ...totalsOf(rows.filter((row) => row.month === m)) }));

  // The thresholds drawn on the chart: the newest tiered policy of general products.
  const tieredPolicy = [...config.policies].reverse().find((policy) => policy.category === "general" && policy.tiers.length > 0);
  const tiers = tieredPolicy ? sortedTiers(tieredPolicy.tiers) : [];

  // Only products under a tiered policy have a next tier to chase.
  const gaps: TierGapDto[] = [];
  if (month === currentMonth) {
    for (const row of rows) {
      if (row.month !== currentMonth) continue;
      const tiered = tierAmounts.get(row.productCode);
      if (!tiered) continue;
      const gap = tierGap({ month: currentMonth, tierAmount: tiered.amount, tiers: tiered.tiers, now });
      gaps.push({
        productCode: row.productCode,
        productName: row.productName,
        tierAmount: formatFen(tiered.amount),
        currentTierIndex: gap.currentTierIndex,
        nextTier: gap.nextTier ? tierDto(gap.nextTier) : null,
        gap: gap.gap ? formatFen(gap.gap) : null,
        saving: gap.saving ? formatFen(gap.saving) : null,
        projectedAmount: formatFen(gap.projectedAmount),
        projectedTierIndex: gap.projectedTierIndex,
        extraPerDay: gap.extraPerDay ? formatFen(gap.extraPerDay) : null,
        daysLeft: gap.daysLeft,
        elapsedFraction: gap.elapsedFraction,
      });
    }
  }

  return {
    month,
    currentMonth,
    months,
    generatedAt: now.toISOString(),
    serverMs: Math.round(performance.now() - started),
    settings: config.settings,
    tiers: tiers.map(tierDto),
    rows,
    monthTotals,
    gaps,
  };
};

