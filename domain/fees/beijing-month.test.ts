import { describe, expect, it } from "vitest";
import { addMonths, beijingMonthEnd, beijingMonthOf, beijingMonthStart, billIdOf, daysInMonth, monthOfBillId, monthRange } from "./beijing-month";

describe("Beijing months", () => {
  it("puts 16:00 UTC on the last day into the next Beijing month", () => {
    expect(beijingMonthOf(new Date("2024-02-29T15:59:59.999Z"))).toBe("2024-02");
    expect(beijingMonthOf(new Date("2024-02-29T16:00:00Z"))).toBe("2024-03");
    expect(beijingMonthOf(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01");
  });

  it("starts and ends months at Beijing midnight", () => {
    expect(beijingMonthStart("2024-03").toISOString()).toBe("2024-02-29T16:00:00.000Z");
    expect(beijingMonthEnd("2024-12").toISOString()).toBe("2024-12-31T16:00:00.000Z");
  });

  it("steps and ranges across years", () => {
    expect(addMonths("2024-11", 3)).toBe("2025-02");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(monthRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(daysInMonth("2024-02")).toBe(29);
  });

  it("uses YYYYMM as the bill id", () => {
    expect(billIdOf("2020-05")).toBe("202005");
    expect(monthOfBillId("202001")).toBe("2020-01");
    expect(monthOfBillId("202013")).toBeNull();
    expect(() => beijingMonthStart("2024-13")).toThrow();
  });
});

import { formatYuan } from "./money";

describe("money display", () => {
  it("groups digits without going through a float", () => {
    expect(formatYuan("1455000.5")).toBe("¥1,455,000.50");
    expect(formatYuan("-5000")).toBe("-¥5,000.00");
    expect(formatYuan("90071992547409.93")).toBe("¥90,071,992,547,409.93");
  });
});
