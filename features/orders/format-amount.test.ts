import { describe, expect, it } from "vitest";
import { formatAmount } from "./format-amount";

describe("formatAmount", () => {
  it.each([
    ["1200.000", null, "1,200.00"],
    ["-100.500", "CNY", "-100.50 CNY"],
    ["0.005", null, "0.005"],
    ["12345678901234567.999", null, "12,345,678,901,234,567.999"],
    [null, null, "—"],
  ])("shows %s as %s", (value, currency, expected) => {
    expect(formatAmount(value, currency)).toBe(expected);
  });
});
