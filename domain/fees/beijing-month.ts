// Bills, tiers and the monthly reset all run on Beijing months (UTC+8, no daylight saving since
// 1991), whatever the server's own time zone.
const OFFSET_MS = 8 * 3_600_000;

export type YearMonth = `${number}-${string}`;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isYearMonth = (value: string): value is YearMonth => MONTH_PATTERN.test(value);

const parts = (month: string): { year: number; month: number } => {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
};

const format = (year: number, month: number): YearMonth => `${year}-${String(month).padStart(2, "0")}` as YearMonth;

export const beijingMonthOf = (instant: Date): YearMonth => {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1);
};

export const beijingMonthStart = (month: string): Date => {
  const { year, month: m } = parts(month);
  return new Date(Date.UTC(year, m - 1, 1) - OFFSET_MS);
};

export const addMonths = (month: string, count: number): YearMonth => {
  const { year, month: m } = parts(month);
  const index = year * 12 + (m - 1) + count;
  return format(Math.floor(index / 12), (index % 12) + 1);
};

// Exclusive end: the first instant of the next month.
export const beijingMonthEnd = (month: string): Date => beijingMonthStart(addMonths(month, 1));

export const monthRange = (from: string, to: string): YearMonth[] => {
  const months: YearMonth[] = [];
  for (let m = from as YearMonth; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
};

export const daysInMonth = (month: string): number => {
  const { year, month: m } = parts(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
};

// The bill id is the period itself: 2020-05 → "202005".
export const billIdOf = (month: string): string => month.replace("-", "");

export const monthOfBillId = (billId: string): YearMonth | null => {
  const candidate = `${billId.slice(0, 4)}-${billId.slice(4)}`;
  return /^\d{6}$/.test(billId) && isYearMonth(candidate) ? candidate : null;
};

export const beijingDate = (instant: Date): string => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
