import { createHmac, randomUUID as nodeRandomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { formatUsageTime } from "./time-formats";
import { timingSafeEqualString } from "./timing-safe";

/*
 * 按需使用量推送 (§2.8, §7.2): the merchant signs its own usage reports with
 * the key bound to 基础接口 (not AK/SK):
 *   signature = Base64(HMAC-SHA256(key, "ts={ts}&nonce={nonce}&body={body}"))
 */

export const USAGE_PUSH_PATH = "/api/mkp-openapi-public/global/v1/isv/usage-data";
export const USAGE_PUSH_HEADERS = { signature: "signature", ts: "ts", nonce: "nonce" } as const;
export const MAX_USAGE_RECORDS = 1000;

export interface UsagePushSignatureInput {
  key: string;
  ts: string;
  nonce: string;
  /** The exact body text that is sent. */
  body: string;
}

export function computeUsagePushSignature(input: UsagePushSignatureInput): string {
  return createHmac("sha256", Buffer.from(input.key, "utf8"))
    .update(Buffer.from(`ts=${input.ts}&nonce=${input.nonce}&body=${input.body}`, "utf8"))
    .digest("base64");
}

export type UsagePushVerifyResult =
  | { ok: true }
  | { ok: false; reason: "missing-header" | "mismatch"; errorCode: "MKT.0102"; message: string };

/** For the simulator: what the marketplace checks, answering MKT.0102 (invalid body sign) on failure. */
export function verifyUsagePushSignature(input: {
  key: string;
  body: string;
  signature: string | null | undefined;
  ts: string | null | undefined;
  nonce: string | null | undefined;
}): UsagePushVerifyResult {
  const missing = (["signature", "ts", "nonce"] as const).filter((name) => !input[name]);
  if (missing.length > 0) {
    return { ok: false, reason: "missing-header", errorCode: "MKT.0102", message: `missing header(s): ${missing.join(", ")}` };
  }
  const expected = computeUsagePushSignature({
    key: input.key,
    ts: input.ts as string,
    nonce: input.nonce as string,
    body: input.body,
  });
  if (timingSafeEqualString(expected, input.signature as string)) return { ok: true };
  return { ok: false, reason: "mismatch", errorCode: "MKT.0102", message: "signature does not match the body" };
}

export interface UsageRecordInput {
  instanceId: string;
  meteringSn: string;
  recordTime: Date;
  beginTime: Date;
  endTime: Date;
  /** > 0 with at most 4 decimal places. */
  usageValue: string | number;
  /** Only for 用完即停套餐包: the package instance to deduct from. */
  relatePkgInstance?: string;
}

export type UsageBodyResult = { ok: true; body: string } | { ok: false; message: string };

function checkUsageValue(value: string | number, index: number): string | { error: string } {
  const label = `usage_records[${index}].usage_value`;
  let decimal: Decimal;
  try {
    decimal = new Decimal(value);
  } catch {
    return { error: `${label} ${JSON.stringify(value)} is not a number` };
  }
  if (!decimal.isFinite() || decimal.lte(0)) return { error: `${label} must be greater than 0` };
  if (decimal.decimalPlaces() > 4) return { error: `${label} has more than 4 decimal places` };
  const text = typeof value === "string" ? value.trim() : decimal.toFixed();
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: `${label} ${JSON.stringify(value)} must be written as plain digits` };
  if (text.length > 20) return { error: `${label} is longer than 20 characters` };
  return text;
}

function checkId(value: string, label: string): string | null {
  if (value.trim() === "") return `${label} is empty`;
  if (value.length > 64) return `${label} is longer than 64 characters`;
  return null;
}

/**
 * Serialises records with keys in natural (ascending) order, as the official
 * demo does, after checking the documented limits. Sign exactly the returned
 * string and send exactly it.
 */
export function serializeUsagePushBody(records: readonly UsageRecordInput[]): UsageBodyResult {
  if (records.length === 0) return { ok: false, message: "usage_records is empty" };
  if (records.length > MAX_USAGE_RECORDS) {
    return { ok: false, message: `usage_records has ${records.length} records, more than the limit of ${MAX_USAGE_RECORDS}` };
  }
  const serialised: Record<string, string>[] = [];
  for (const [index, record] of records.entries()) {
    const problem =
      checkId(record.instanceId, `usage_records[${index}].instance_id`) ??
      checkId(record.meteringSn, `usage_records[${index}].metering_sn`) ??
      (record.relatePkgInstance === undefined
        ? null
        : checkId(record.relatePkgInstance, `usage_records[${index}].relate_pkg_instance`));
    if (problem) return { ok: false, message: problem };
    if (record.endTime.getTime() < record.beginTime.getTime()) {
      return { ok: false, message: `usage_records[${index}] ends before it begins` };
    }
    const usageValue = checkUsageValue(record.usageValue, index);
    if (typeof usageValue !== "string") return { ok: false, message: usageValue.error };
    const entry: Record<string, string> = {
      begin_time: formatUsageTime(record.beginTime),
      end_time: formatUsageTime(record.endTime),
      instance_id: record.instanceId,
      metering_sn: record.meteringSn,
      record_time: formatUsageTime(record.recordTime),
      ...(record.relatePkgInstance === undefined ? {} : { relate_pkg_instance: record.relatePkgInstance }),
      usage_value: usageValue,
    };
    serialised.push(entry);
  }
  return { ok: true, body: JSON.stringify({ usage_records: serialised }) };
}

export interface UsagePushRequest {
  body: string;
  headers: Record<string, string>;
}

export type UsagePushRequestResult = ({ ok: true } & UsagePushRequest) | { ok: false; message: string };

export function buildUsagePushRequest(input: {
  key: string;
  records: readonly UsageRecordInput[];
  now: Date;
  nonce?: string;
  randomUUID?: () => string;
}): UsagePushRequestResult {
  const serialised = serializeUsagePushBody(input.records);
  if (!serialised.ok) return serialised;
  const ts = String(input.now.getTime());
  const nonce = input.nonce ?? (input.randomUUID ?? nodeRandomUUID)();
  const signature = computeUsagePushSignature({ key: input.key, ts, nonce, body: serialised.body });
  return {
    ok: true,
    body: serialised.body,
    headers: { "Content-Type": "application/json", signature, ts, nonce },
  };
}
