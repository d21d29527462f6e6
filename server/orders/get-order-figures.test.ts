import { describe, expect, it } from "vitest";
import { buildOrderFigures, CHART_DAYS, figureDays } from "@/server/orders/get-order-figures";

// 2026-11-08 10:00 in Beijing.
const NOW = new Date("2026-11-08T02:00:00Z");

describe("figure days", () => {
  it("are Beijing calendar days: a UTC evening is already tomorrow", () => {
    expect(figureDays(new Date("2026-10-31T16:30:00Z"))).toMatchObject({ today: "2026-11-01", monthStart: "2026-11-01", chartStart: "2026-10-03" });
    expect(figureDays(new Date("2026-10-31T15:59:59Z"))).toMatchObject({ today: "2026-10-31", monthStart: "2026-10-01" });
  });

  it("read back from the month's start or the chart's, whichever is earlier", () => {
    expect(figureDays(NOW)).toEqual({ today: "2026-11-08", monthStart: "2026-11-01", chartStart: "2026-10-10", scanStart: "2026-10-10" });
    expect(figureDays(new Date("2026-03-30T02:00:00Z")).scanStart).toBe("2026-03-01");
  });
});

describe("order figures from daily rows", () => {
  const rows = [
    { day: "2026-10-09", orderType: "NEW", orders: 5, amount: "500.000" }, // before the chart and the month
    { day: "2026-10-10", orderType: "NEW", orders: 2, amount: "0.100" },
    { day: "2026-10-31", orderType: "RENEW", orders: 1, amount: "0.200" },
    { day: "2026-11-01", orderType: "NEW", orders: 3, amount: "30.000" },
    { day: "2026-11-01", orderType: "UNSUBSCRIBE", orders: 1, amount: "-2.500" },
    { day: "2026-11-08", orderType: "NEW", orders: 1, amount: "10.005" },
    { day: "2026-11-08", orderType: "", orders: 2, amount: "0.000" },
    // A day whose orders all moved away (a re-fetch changed their day): nothing left to show.
    { day: "2026-11-05", orderType: "TRIAL", orders: 0, amount: "0.000" },
  ];
  const figures = buildOrderFigures(rows, NOW, { expiring: 4, failed: 1 });

  it("counts today and this month by type, unknown types as UNKNOWN, empty types left out", () => {
    expect(figures.today).toEqual({ NEW: 1, UNKNOWN: 2 });
    expect(figures.thisMonth).toEqual({ NEW: 4, UNSUBSCRIBE: 1, UNKNOWN: 2 });
  });

  it("sums the month's money exactly, refunds negative", () => {
    expect(figures.paidThisMonth).toBe("37.505");
  });

  it("charts every one of the last 30 days, oldest first, zero where nothing was ordered", () => {
    expect(figures.daily).toHaveLength(CHART_DAYS);
    expect(figures.daily[0]).toEqual({ day: "2026-10-10", orders: 2, amount: "0.100" });
    expect(figures.daily.find((d) => d.day === "2026-10-31")).toEqual({ day: "2026-10-31", orders: 1, amount: "0.200" });
    expect(figures.daily.find((d) => d.day === "2026-10-20")).toEqual({ day: "2026-10-20", orders: 0, amount: "0.000" });
    expect(figures.daily.at(-1)).toEqual({ day: "2026-11-08", orders: 3, amount: "10.005" });
  });

  it("passes the instance figures through", () => {
    expect(figures).toMatchObject({ instancesExpiringWithin7Days: 4, failedProvisionings: 1 });
  });
});
