import Decimal from "decimal.js";

// Money is decimal yuan, never a float. A private constructor keeps the global Decimal settings
// (precision, rounding) from leaking in or out of fee code.
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO = new Money(0);

export const money = (value: Decimal.Value): Money => new Money(value);

// The marketplace does not publish its rounding rule (koogallery-money.md open question 4). The
// console rounds the platform fee half away from zero to the fen — the same as PostgreSQL's
// round(numeric, 2) — and derives the settlement as amount − fee, so fee + settlement always
// equals the amount exactly and the seller is never promised a fen the fee rounding took away.
export const roundFen = (value: Decimal): Money => new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export const sumMoney = (values: Iterable<Decimal>): Money => {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
};

export const formatFen = (value: Decimal): string => new Money(value).toFixed(2);

// Display without a float round-trip: "1455000.5" → "¥1,455,000.50".
export const formatYuan = (value: string): string => {
  const fixed = new Money(value).toFixed(2);
  const negative = fixed.startsWith("-");
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split(".");
  return `${negative ? "-" : ""}¥${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
};
