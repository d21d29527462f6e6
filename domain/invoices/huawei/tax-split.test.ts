import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { TaxSplitError, splitByTaxRate } from "./tax-split";

const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed(2);

describe("splitByTaxRate", () => {
  it("gives a single rate the whole total, with tax backed out to the fen", () => {
    expect(splitByTaxRate("1060.00", [{ taxRatePercent: 6, base: "1000" }])).toEqual([
      { taxRatePercent: "6", amount: "1060.00", amountExcludingTax: "1000.00", tax: "60.00" },
    ]);
  });

  it("splits by the bases of each rate, grouping equal rates and sorting ascending", () => {
    const parts = splitByTaxRate("1000.00", [
      { taxRatePercent: "13", base: "300" },
      { taxRatePercent: "6", base: "500" },
      { taxRatePercent: "13.00", base: "200" },
    ]);
    expect(parts.map((p) => [p.taxRatePercent, p.amount])).toEqual([
      ["6", "500.00"],
      ["13", "500.00"],
    ]);
    expect(parts[1]).toEqual({ taxRatePercent: "13", amount: "500.00", amountExcludingTax: "442.48", tax: "57.52" });
  });

  it("makes parts that sum exactly to the total when the shares do not fall on fen", () => {
    const parts = splitByTaxRate("100.00", [
      { taxRatePercent: 0, base: 1 },
      { taxRatePercent: 6, base: 1 },
      { taxRatePercent: 13, base: 1 },
    ]);
    expect(parts.map((p) => p.amount)).toEqual(["33.33", "33.34", "33.33"]);
    expect(sum(parts.map((p) => p.amount))).toBe("100.00");
    for (const p of parts) expect(new Decimal(p.amountExcludingTax).plus(p.tax).toFixed(2)).toBe(p.amount);
  });

  it("keeps the sum exact for awkward totals and many rates", () => {
    const bases = [
      { taxRatePercent: 1, base: "0.37" },
      { taxRatePercent: 3, base: "12345.678" },
      { taxRatePercent: 6, base: "9.999" },
      { taxRatePercent: 9, base: "7" },
      { taxRatePercent: 13, base: "4444.4" },
    ];
    for (const total of ["0.01", "0.05", "1.00", "99999.99", "123456.78", "-321.09"]) {
      const parts = splitByTaxRate(total, bases);
      expect(sum(parts.map((p) => p.amount))).toBe(new Decimal(total).toFixed(2));
    }
  });

  it("rounds the total itself to the fen", () => {
    expect(splitByTaxRate("10.005", [{ taxRatePercent: 6, base: 1 }])[0]!.amount).toBe("10.01");
  });

  it("refuses no rates, an impossible rate, or rates with nothing to share by", () => {
    expect(() => splitByTaxRate("10", [])).toThrow(TaxSplitError);
    expect(() => splitByTaxRate("10", [{ taxRatePercent: -1, base: 1 }])).toThrow(TaxSplitError);
    expect(() => splitByTaxRate("10", [{ taxRatePercent: 100, base: 1 }])).toThrow(TaxSplitError);
    expect(() =>
      splitByTaxRate("10", [
        { taxRatePercent: 6, base: 0 },
        { taxRatePercent: 13, base: 0 },
      ]),
    ).toThrow(TaxSplitError);
    expect(splitByTaxRate("10", [{ taxRatePercent: 6, base: 0 }])[0]!.amount).toBe("10.00");
  });
});
