import Decimal from "decimal.js";
import { Money, ZERO, roundFen } from "@/domain/fees/money";

// One VAT special invoice per tax rate (koogallery-money.md §3a): an invoice carries one rate, and one
// 申付单 may be split across several invoices. The checklist amount (开票金额) is shared among the rates in
// proportion to the bill lines each rate covers, rounded to the fen so that the parts add up exactly.

export type TaxRateBase = { taxRatePercent: Decimal.Value; base: Decimal.Value };

export type TaxRateInvoicePart = {
  taxRatePercent: string;
  // Tax-inclusive amount of this invoice (价税合计); the parts sum exactly to the checklist total.
  amount: string;
  // 金额 (excluding tax) and 税额: amountExcludingTax + tax === amount, to the fen.
  amountExcludingTax: string;
  tax: string;
};

export class TaxSplitError extends Error {
  override name = "TaxSplitError";
  constructor(readonly problem: "noRates" | "zeroBase" | "invalidRate") {
    super(`Cannot split the invoice amount: ${problem}`);
  }
}

export const normaliseRate = (value: Decimal.Value): string => new Money(value).toDecimalPlaces(4).toString();

const isValidRate = (rate: Decimal): boolean => rate.isFinite() && rate.gte(0) && rate.lt(100);

/**
 * Splits the tax-inclusive total among tax rates. Bases of the same rate are added together; rates are
 * returned in ascending order. The share of rate i is round(total × cumulative base up to i ÷ all bases)
 * minus the same for i − 1 (cumulative rounding), so each part is within a fen of its exact share and the
 * parts sum to the total exactly, whatever the signs.
 */
export const splitByTaxRate = (total: Decimal.Value, bases: readonly TaxRateBase[]): TaxRateInvoicePart[] => {
  const grouped = new Map<string, Decimal>();
  for (const entry of bases) {
    const rate = new Money(entry.taxRatePercent);
    if (!isValidRate(rate)) throw new TaxSplitError("invalidRate");
    const key = normaliseRate(rate);
    grouped.set(key, (grouped.get(key) ?? ZERO).plus(new Money(entry.base)));
  }
  if (grouped.size === 0) throw new TaxSplitError("noRates");
  const rates = [...grouped.entries()].sort(([a], [b]) => new Money(a).comparedTo(new Money(b)));
  const totalBase = rates.reduce((sum, [, base]) => sum.plus(base), ZERO as Decimal);
  const gross = roundFen(new Money(total));
  if (totalBase.isZero()) {
    if (rates.length === 1) return [part(rates[0]![0], gross)];
    throw new TaxSplitError("zeroBase");
  }
  const parts: TaxRateInvoicePart[] = [];
  let cumulativeBase: Decimal = ZERO;
  let allocated: Decimal = ZERO;
  for (const [rate, base] of rates) {
    cumulativeBase = cumulativeBase.plus(base);
    const upTo = roundFen(gross.times(cumulativeBase).dividedBy(totalBase));
    parts.push(part(rate, upTo.minus(allocated)));
    allocated = upTo;
  }
  return parts;
};

const part = (rate: string, amount: Decimal): TaxRateInvoicePart => {
  const excluding = roundFen(amount.dividedBy(new Money(rate).dividedBy(100).plus(1)));
  return {
    taxRatePercent: rate,
    amount: amount.toFixed(2),
    amountExcludingTax: excluding.toFixed(2),
    tax: amount.minus(excluding).toFixed(2),
  };
};
