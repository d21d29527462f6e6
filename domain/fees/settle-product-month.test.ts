import { describe, expect, it } from "vitest";
import { defaultProductTerms, SHIPPED_POLICIES, type FeePolicy } from "./fee-policy";
import { DEFAULT_FEE_SETTINGS, type FeeSettings } from "./fee-settings";
import { money, sumMoney } from "./money";
import { allocateGroupFee, settleProductMonth, type MonthLine } from "./settle-product-month";

const MARCH_2024 = new Date("2024-03-15T10:00:00+08:00");

const settle = (
  amounts: (string | number)[],
  options: { ratio?: number; placedAt?: Date; policies?: readonly FeePolicy[]; settings?: FeeSettings; category?: "general" | "joint" } = {},
) =>
  settleProductMonth({
    product: { ...defaultProductTerms("P1"), platformFeePercent: money(options.ratio ?? 5), category: options.category ?? "general" },
    lines: amounts.map((amount) => ({ amount: money(amount), placedAt: options.placedAt ?? MARCH_2024 })),
    policies: options.policies ?? SHIPPED_POLICIES,
    settings: options.settings ?? DEFAULT_FEE_SETTINGS,
  });

// koogallery-money.md §1.3, test vectors T1–T8.
describe("the shipped policy table reproduces T1–T8", () => {
  it.each([
    ["T1", "1500000", 5, "1455000.00", "45000.00", "97"],
    ["T2", "300000", 5, "285000.00", "15000.00", "95"],
    ["T3", "500000", 5, "480000.00", "20000.00", "96"],
    ["T4", "499999.99", 5, "474999.99", "25000.00", "95"],
    ["T5", "999999.00", 5, "959999.04", "39999.96", "96"],
    ["T6", "1000000", 5, "970000.00", "30000.00", "97"],
    ["T7", "2000000", 10, "1800000.00", "200000.00", "90"],
  ] as const)("%s: X = %s at a %d%% product", (_, amount, ratio, settlement, fee, share) => {
    const result = settle([amount], { ratio });
    expect(result.settlement.toFixed(2)).toBe(settlement);
    expect(result.platformFee.toFixed(2)).toBe(fee);
    expect(result.sellerSharePercent.toString()).toBe(share);
    expect(result.settlement.plus(result.platformFee).equals(money(amount))).toBe(true);
  });

  it("T8: an order placed before 2024-03-01 keeps 95% whatever the month's amount", () => {
    const result = settle(["1500000"], { placedAt: new Date("2024-02-29T23:59:59+08:00") });
    expect(result.settlement.toFixed(2)).toBe("1425000.00");
    expect(result.platformFee.toFixed(2)).toBe("75000.00");
    expect(result.tierAmount).toBeNull();
  });
});

describe("tier boundaries are inclusive cliffs on the whole month", () => {
  it("499,999.99 stays at 95%, 500,000.00 moves everything to 96%", () => {
    expect(settle(["499999.99"]).tierIndex).toBe(0);
    expect(settle(["500000.00"]).tierIndex).toBe(1);
    expect(settle(["500000.00"]).platformFee.toFixed(2)).toBe("20000.00");
  });

  it("999,999.99 stays at 96%, 1,000,000.00 moves everything to 97%", () => {
    const below = settle(["999999.99"]);
    expect(below.tierIndex).toBe(1);
    expect(below.platformFee.toFixed(2)).toBe("40000.00");
    const at = settle(["1000000.00"]);
    expect(at.tierIndex).toBe(2);
    expect(at.platformFee.toFixed(2)).toBe("30000.00");
  });

  it("sums many orders before choosing the tier", () => {
    const result = settle(Array.from({ length: 50 }, () => "10000"));
    expect(result.tierAmount?.toFixed(2)).toBe("500000.00");
    expect(result.sellerSharePercent.toString()).toBe("96");
  });
});

describe("policy dates", () => {
  it("switches at 2024-03-01 00:00 Beijing time, not UTC", () => {
    const before = settle(["600000"], { placedAt: new Date("2024-02-29T15:59:59.999Z") });
    const after = settle(["600000"], { placedAt: new Date("2024-02-29T16:00:00Z") });
    expect(before.platformFee.toFixed(2)).toBe("30000.00");
    expect(after.platformFee.toFixed(2)).toBe("24000.00");
  });

  it("settles a month with old-terms renewals and new orders at two rates", () => {
    const result = settleProductMonth({
      product: defaultProductTerms("P1"),
      lines: [
        { amount: money(300_000), placedAt: new Date("2024-02-20T12:00:00+08:00") },
        { amount: money(600_000), placedAt: MARCH_2024 },
      ],
      policies: SHIPPED_POLICIES,
      settings: DEFAULT_FEE_SETTINGS,
    });
    // Old-terms orders do not count toward X by default: 600,000 → 96% on the new order only.
    expect(result.tierAmount?.toFixed(2)).toBe("600000.00");
    expect(result.platformFee.toFixed(2)).toBe("39000.00");
    expect(result.groups).toHaveLength(2);
  });

  it("counts old-terms orders toward X when the setting says so", () => {
    const result = settleProductMonth({
      product: defaultProductTerms("P1"),
      lines: [
        { amount: money(450_000), placedAt: new Date("2024-02-20T12:00:00+08:00") },
        { amount: money(100_000), placedAt: MARCH_2024 },
      ],
      policies: SHIPPED_POLICIES,
      settings: { ...DEFAULT_FEE_SETTINGS, tierCountsOldTerms: true },
    });
    expect(result.tierAmount?.toFixed(2)).toBe("550000.00");
    // 450,000 × 5% + 100,000 × 4%
    expect(result.platformFee.toFixed(2)).toBe("26500.00");
  });

  it("settles 联营/严选/华为 products at their own share ratio", () => {
    const result = settle(["2000000"], { ratio: 30, category: "joint" });
    expect(result.platformFee.toFixed(2)).toBe("600000.00");
    expect(result.tierAmount).toBeNull();
  });

  it("a newer owner-added row wins from its own date", () => {
    const policies: FeePolicy[] = [
      ...SHIPPED_POLICIES,
      {
        id: "2027",
        category: "general",
        effectiveFrom: new Date("2027-01-01T00:00:00+08:00"),
        eligibleRatioPercent: money(5),
        tiers: [
          { fromAmount: money(0), platformFeePercent: money(5) },
          { fromAmount: money(200_000), platformFeePercent: money(2) },
        ],
      },
    ];
    expect(settle(["300000"], { policies, placedAt: new Date("2027-01-05T00:00:00+08:00") }).platformFee.toFixed(2)).toBe("6000.00");
    expect(settle(["300000"], { policies, placedAt: new Date("2026-12-31T23:00:00+08:00") }).platformFee.toFixed(2)).toBe("15000.00");
  });
});

describe("refunds and downgrades", () => {
  it("enter as negative lines that lower X under the default (net) basis", () => {
    const result = settle(["520000", "-30000"]);
    expect(result.paid.toFixed(2)).toBe("520000.00");
    expect(result.refunds.toFixed(2)).toBe("-30000.00");
    expect(result.net.toFixed(2)).toBe("490000.00");
    expect(result.tierIndex).toBe(0);
    expect(result.platformFee.toFixed(2)).toBe("24500.00");
  });

  it("do not lower X under the paid basis, but still reduce the settlement", () => {
    const result = settle(["520000", "-30000"], { settings: { ...DEFAULT_FEE_SETTINGS, tierAmountBasis: "paid" } });
    expect(result.tierIndex).toBe(1);
    expect(result.platformFee.toFixed(2)).toBe("19600.00");
  });

  it("a month of only refunds gives a negative fee (the marketplace takes the settlement back)", () => {
    const result = settle(["-1000"]);
    expect(result.platformFee.toFixed(2)).toBe("-50.00");
    expect(result.settlement.toFixed(2)).toBe("-950.00");
  });
});

describe("rounding", () => {
  it("rounds the fee half away from zero to the fen, once per rate", () => {
    // 0.10 × 5% = 0.005 → 0.01; three such orders are 0.30 × 5% = 0.015 → 0.02, not 0.03.
    expect(settle(["0.10"]).platformFee.toFixed(2)).toBe("0.01");
    expect(settle(["0.10", "0.10", "0.10"]).platformFee.toFixed(2)).toBe("0.02");
    expect(settle(["-0.10"]).platformFee.toFixed(2)).toBe("-0.01");
  });

  it("allocates a group's fee over its lines so they add up exactly", () => {
    const amounts = ["0.10", "0.10", "0.10", "333.33"].map((v) => money(v));
    const group = settle(["0.10", "0.10", "0.10", "333.33"]);
    const fees = allocateGroupFee(amounts, money(5), group.platformFee);
    expect(sumMoney(fees).equals(group.platformFee)).toBe(true);
    expect(fees.slice(0, 3).map((fee) => fee.toFixed(2))).toEqual(["0.01", "0.01", "0.01"]);
  });

  it("works on lines grouped by the database (MonthLine sums)", () => {
    const lines: MonthLine[] = [{ amount: money("1499999.995"), placedAt: MARCH_2024 }];
    expect(settleProductMonth({ product: defaultProductTerms("P"), lines, policies: SHIPPED_POLICIES, settings: DEFAULT_FEE_SETTINGS }).platformFee.toFixed(2)).toBe("45000.00");
  });
});
