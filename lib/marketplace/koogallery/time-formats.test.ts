import { describe, expect, it } from "vitest";
import {
  formatExpireTime,
  formatKitTimestamp,
  formatOrderCreateTime,
  formatSdkDate,
  formatStatisticalTime,
  formatUsageTime,
  formatV1Timestamp,
  parseExpireTime,
  parseKitTimestamp,
  parseLicenseTime,
  parseOrderCreateTime,
  parseSdkDate,
  parseStatisticalTime,
  parseUsageTime,
  parseV1Timestamp,
  type TimeParseResult,
} from "./time-formats";

function iso(result: TimeParseResult): string {
  if (!result.ok) throw new Error(result.message);
  return result.date.toISOString();
}

describe("parsers accept the documented examples", () => {
  it.each<[string, (value: unknown) => TimeParseResult, string, string]>([
    ["V1 timeStamp (spec §2.2)", parseV1Timestamp, "20200727073711903", "2020-07-27T07:37:11.903Z"],
    ["statisticalTime", parseStatisticalTime, "20240229235959999", "2024-02-29T23:59:59.999Z"],
    ["V1 expireTime, 14 digits (spec §2.2)", parseExpireTime, "20200727153156", "2020-07-27T15:31:56.000Z"],
    ["V2 expireTime, 17 digits (spec §3.2 example)", parseExpireTime, "20221124023618256", "2022-11-24T02:36:18.256Z"],
    ["license-code expireTime (spec §3.4)", parseExpireTime, "20230523201932", "2023-05-23T20:19:32.000Z"],
    ["order createTime", parseOrderCreateTime, "20220726144700", "2022-07-26T14:47:00.000Z"],
    ["usage record_time (spec §7.2)", parseUsageTime, "20220809T091000Z", "2022-08-09T09:10:00.000Z"],
    ["X-Sdk-Date (spec §2.9)", parseSdkDate, "20191115T033655Z", "2019-11-15T03:36:55.000Z"],
    // Kit times are Beijing time: 11:41 at UTC+8 is 03:41 UTC.
    ["kit timeStamp, UTC+8 (spec §3.5)", parseKitTimestamp, "20220420114117642", "2022-04-20T03:41:17.642Z"],
    ["kit timeStamp crossing midnight", parseKitTimestamp, "20220101070000000", "2021-12-31T23:00:00.000Z"],
    ["getLicenseAsync effectiveTime (spec §3.3)", parseLicenseTime, "2023-10-27 10:30:15 z", "2023-10-27T10:30:15.000Z"],
    ["getLicenseAsync without suffix", parseLicenseTime, "2023-10-27 10:30:15", "2023-10-27T10:30:15.000Z"],
    ["getLicenseAsync as digits", parseLicenseTime, "20231027103015", "2023-10-27T10:30:15.000Z"],
    ["year 0099 is not moved to 1999", parseExpireTime, "00990101000000", "0099-01-01T00:00:00.000Z"],
  ])("%s", (_name, parse, value, expected) => {
    expect(iso(parse(value))).toBe(expected);
  });
});

describe("parsers reject invalid input precisely", () => {
  it.each<[string, (value: unknown) => TimeParseResult, unknown, string]>([
    ["missing", parseV1Timestamp, undefined, "timeStamp is missing; expected yyyyMMddHHmmssSSS (UTC)"],
    ["null", parseV1Timestamp, null, "timeStamp is missing"],
    ["a number, not a string", parseV1Timestamp, 20200727073711903, "timeStamp must be a string; expected yyyyMMddHHmmssSSS (UTC)"],
    ["14 digits where 17 are needed", parseV1Timestamp, "20200727073711", 'timeStamp "20200727073711" has the wrong format; expected yyyyMMddHHmmssSSS (UTC)'],
    ["seconds since epoch", parseExpireTime, "1680508066", "has the wrong format; expected yyyyMMddHHmmss or yyyyMMddHHmmssSSS (UTC)"],
    ["month 13", parseExpireTime, "20201301000000", 'expireTime "20201301000000" is not a valid time: month 13 is out of range'],
    ["month 0", parseExpireTime, "20200001000000", "month 0 is out of range"],
    ["30 February", parseExpireTime, "20200230000000", "day 30 does not exist in 2020-02"],
    ["29 February of a common year", parseExpireTime, "20230229000000", "day 29 does not exist in 2023-02"],
    ["29 February 1900", parseExpireTime, "19000229000000", "day 29 does not exist in 1900-02"],
    ["31 April", parseExpireTime, "20200431000000", "day 31 does not exist"],
    ["hour 24", parseExpireTime, "20200101240000", "hour 24 is out of range"],
    ["minute 60", parseExpireTime, "20200101006000", "minute 60 is out of range"],
    ["leap second", parseExpireTime, "20161231235960", "second 60 is out of range"],
    ["usage time without Z", parseUsageTime, "20220809T091000", "expected yyyyMMdd'T'HHmmss'Z' (UTC)"],
    ["trailing space", parseOrderCreateTime, "20220726144700 ", "has the wrong format"],
    ["full-width digits", parseExpireTime, "２０２０07271531５6", "has the wrong format"],
    ["kit timeStamp says UTC+8", parseKitTimestamp, "2022", "(UTC+8)"],
  ])("%s", (_name, parse, value, fragment) => {
    const result = parse(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it("accepts 29 February 2000 (divisible by 400)", () => {
    expect(parseExpireTime("20000229000000").ok).toBe(true);
  });
});

describe("formatters", () => {
  const date = new Date("2026-01-05T03:04:05.067Z");
  it.each<[string, (d: Date) => string, string]>([
    ["V1 timeStamp", formatV1Timestamp, "20260105030405067"],
    ["statisticalTime", formatStatisticalTime, "20260105030405067"],
    ["expireTime", formatExpireTime, "20260105030405"],
    ["order createTime", formatOrderCreateTime, "20260105030405"],
    ["usage time", formatUsageTime, "20260105T030405Z"],
    ["X-Sdk-Date", formatSdkDate, "20260105T030405Z"],
    ["kit timeStamp (UTC+8)", formatKitTimestamp, "20260105110405067"],
  ])("%s", (_name, format, expected) => {
    expect(format(date)).toBe(expected);
  });

  it("round-trips with the matching parser", () => {
    expect(iso(parseKitTimestamp(formatKitTimestamp(date)))).toBe(date.toISOString());
    expect(iso(parseV1Timestamp(formatV1Timestamp(date)))).toBe(date.toISOString());
  });

  it.each([new Date(Number.NaN), new Date("+010000-01-01T00:00:00Z"), new Date("-000001-01-01T00:00:00Z")])(
    "refuses %s",
    (bad) => {
      expect(() => formatExpireTime(bad)).toThrow(RangeError);
    },
  );
});
