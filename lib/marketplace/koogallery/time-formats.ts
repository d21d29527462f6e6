/*
 * The marketplace writes times as digit strings without separators, almost
 * all in UTC. Parsers here return a result instead of a Date that may be
 * Invalid Date: a silently-NaN expiry would freeze or keep alive the wrong
 * instance. Calendar fields are checked strictly (no 30 February, no
 * second 60), unlike Java's lenient SimpleDateFormat.
 */

export type TimeParseResult = { ok: true; date: Date } | { ok: false; message: string };

const BEIJING_OFFSET_MINUTES = 8 * 60;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function checkFields(f: Fields): string | null {
  if (f.month < 1 || f.month > 12) return `month ${f.month} is out of range`;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) return `day ${f.day} does not exist in ${f.year}-${String(f.month).padStart(2, "0")}`;
  if (f.hour > 23) return `hour ${f.hour} is out of range`;
  if (f.minute > 59) return `minute ${f.minute} is out of range`;
  if (f.second > 59) return `second ${f.second} is out of range`;
  return null;
}

function toDate(f: Fields, offsetMinutes: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

function num(text: string | undefined): number {
  return text === undefined || text === "" ? 0 : Number(text);
}

function parseWith(
  value: unknown,
  label: string,
  layouts: readonly { pattern: RegExp; description: string }[],
  offsetMinutes: number,
  zoneName: string,
): TimeParseResult {
  const expected = `expected ${layouts.map((l) => l.description).join(" or ")} (${zoneName})`;
  if (value === undefined || value === null) return { ok: false, message: `${label} is missing; ${expected}` };
  if (typeof value !== "string") return { ok: false, message: `${label} must be a string; ${expected}` };
  for (const layout of layouts) {
    const match = layout.pattern.exec(value);
    if (!match?.groups) continue;
    const g = match.groups;
    const fields: Fields = {
      year: num(g.y),
      month: num(g.M),
      day: num(g.d),
      hour: num(g.H),
      minute: num(g.m),
      second: num(g.s),
      millisecond: num(g.S),
    };
    const problem = checkFields(fields);
    if (problem) return { ok: false, message: `${label} ${JSON.stringify(value)} is not a valid time: ${problem}` };
    return { ok: true, date: toDate(fields, offsetMinutes) };
  }
  return { ok: false, message: `${label} ${JSON.stringify(value.slice(0, 40))} has the wrong format; ${expected}` };
}

const DATE_TIME = String.raw`(?<y>\d{4})(?<M>\d{2})(?<d>\d{2})(?<H>\d{2})(?<m>\d{2})(?<s>\d{2})`;
const DIGITS_14 = { pattern: new RegExp(`^${DATE_TIME}$`), description: "yyyyMMddHHmmss" };
const DIGITS_17 = { pattern: new RegExp(`^${DATE_TIME}(?<S>\\d{3})$`), description: "yyyyMMddHHmmssSSS" };
const COMPACT_ISO = {
  pattern: /^(?<y>\d{4})(?<M>\d{2})(?<d>\d{2})T(?<H>\d{2})(?<m>\d{2})(?<s>\d{2})Z$/,
  description: "yyyyMMdd'T'HHmmss'Z'",
};
const DASHED = {
  pattern: /^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2})[ T](?<H>\d{2}):(?<m>\d{2}):(?<s>\d{2})(?: ?(?:z|Z|UTC))?$/,
  description: "yyyy-MM-dd HH:mm:ss[ z]",
};

function fieldsOf(date: Date, offsetMinutes: number): Fields {
  if (Number.isNaN(date.getTime())) throw new RangeError("cannot format an invalid Date");
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const year = shifted.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} does not fit a 4-digit marketplace time`);
  return {
    year,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

const p2 = (n: number) => String(n).padStart(2, "0");

function digits14(f: Fields): string {
  return `${String(f.year).padStart(4, "0")}${p2(f.month)}${p2(f.day)}${p2(f.hour)}${p2(f.minute)}${p2(f.second)}`;
}

function digits17(f: Fields): string {
  return `${digits14(f)}${String(f.millisecond).padStart(3, "0")}`;
}

/** V1 `timeStamp`: UTC yyyyMMddHHmmssSSS. */
export function parseV1Timestamp(value: unknown, label = "timeStamp"): TimeParseResult {
  return parseWith(value, label, [DIGITS_17], 0, "UTC");
}

export function formatV1Timestamp(date: Date): string {
  return digits17(fieldsOf(date, 0));
}

/** `statisticalTime` in queryInstance usageInfo: same layout as the V1 timeStamp. */
export const parseStatisticalTime = (value: unknown) => parseV1Timestamp(value, "statisticalTime");
export const formatStatisticalTime = formatV1Timestamp;

/**
 * `expireTime`: documented as UTC yyyyMMddHHmmss, but the official V2
 * example has 17 digits (§13.4), so both are read.
 */
export function parseExpireTime(value: unknown, label = "expireTime"): TimeParseResult {
  return parseWith(value, label, [DIGITS_14, DIGITS_17], 0, "UTC");
}

export function formatExpireTime(date: Date): string {
  return digits14(fieldsOf(date, 0));
}

/**
 * Order `createTime` from the order-query API: yyyyMMddHHmmss. No zone is
 * stated; UTC is assumed like every other marketplace time.
 */
export function parseOrderCreateTime(value: unknown, label = "createTime"): TimeParseResult {
  return parseWith(value, label, [DIGITS_14], 0, "UTC");
}

export function formatOrderCreateTime(date: Date): string {
  return digits14(fieldsOf(date, 0));
}

/** Usage-push record times, yyyyMMdd'T'HHmmss'Z'. */
export function parseUsageTime(value: unknown, label = "usage time"): TimeParseResult {
  return parseWith(value, label, [COMPACT_ISO], 0, "UTC");
}

export function formatUsageTime(date: Date): string {
  const f = fieldsOf(date, 0);
  const d = digits14(f);
  return `${d.slice(0, 8)}T${d.slice(8)}Z`;
}

/** APIG `X-Sdk-Date` uses the same layout as usage times. */
export const parseSdkDate = (value: unknown) => parseUsageTime(value, "X-Sdk-Date");
export const formatSdkDate = formatUsageTime;

/** 联营Kit `timeStamp` and `currentSyncTime`: yyyyMMddHHmmssSSS in UTC+8, not UTC. */
export function parseKitTimestamp(value: unknown, label = "timeStamp"): TimeParseResult {
  return parseWith(value, label, [DIGITS_17], BEIJING_OFFSET_MINUTES, "UTC+8");
}

export function formatKitTimestamp(date: Date): string {
  return digits17(fieldsOf(date, BEIJING_OFFSET_MINUTES));
}

/**
 * getLicenseAsync `effectiveTime`/`expireTime`: only an example exists
 * ("2023-10-27 10:30:15 z"), stated to be UTC. The dashed form with an
 * optional z/Z/UTC suffix is read, and the digit forms as a fallback.
 */
export function parseLicenseTime(value: unknown, label = "effectiveTime"): TimeParseResult {
  return parseWith(value, label, [DASHED, DIGITS_14, DIGITS_17], 0, "UTC");
}
