import { describe, expect, it } from "vitest";
import { SHIPPED_POLICIES } from "./fee-policy";
import { money } from "./money";
import { tierGap } from "./tier-gap";

const tiers = SHIPPED_POLICIES[1]!.tiers;

describe("the gap to the next tier", () => {
  it("is the threshold minus X, worth the rate cut on the threshold", () => {
    const result = tierGap({ month: "2024-06", tierAmount: money("461800"), tiers, now: new Date("2024-06-16T00:00:00+08:00") });
    expect(result.gap?.toFixed(2)).toBe("38200.00");
    expect(result.saving?.toFixed(2)).toBe("5000.00");
    expect(result.nextTier?.fromAmount.toString()).toBe("500000");
    expect(result.daysLeft).toBe(15);
    // Half the month gone: the pace projects 923,600 — past the 96% threshold.
    expect(result.projectedAmount.toFixed(2)).toBe("923600.00");
    expect(result.projectedTierIndex).toBe(1);
    expect(result.extraPerDay).toBeNull();
  });

  it("asks for extra daily sales when the pace falls short", () => {
    const result = tierGap({ month: "2024-06", tierAmount: money("100000"), tiers, now: new Date("2024-06-16T00:00:00+08:00") });
    // Projected 200,000; 300,000 short over 15 days.
    expect(result.extraPerDay?.toFixed(2)).toBe("20000.00");
  });

  it("has no next tier at the top", () => {
    const result = tierGap({ month: "2024-06", tierAmount: money("1000000"), tiers, now: new Date("2024-06-30T00:00:00+08:00") });
    expect(result.nextTier).toBeNull();
    expect(result.gap).toBeNull();
    expect(result.currentTierIndex).toBe(2);
  });
});
