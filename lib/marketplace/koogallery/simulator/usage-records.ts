import { parseUsageTime } from "../time-formats";
import { MAX_USAGE_RECORDS } from "../usage-push-signature";

/*
 * The marketplace's per-record rules for 按需使用量推送 (§6, §7.2). The
 * signature is checked before this (MKT.0102); this reads the body and
 * judges each record against what the simulator knows of its instances.
 */

export interface UsageInstanceFacts {
  chargingMode: string;
  status: string;
  createdAt: Date;
}

export interface AcceptedUsageRecord {
  meteringSn: string;
  instanceId: string;
  usageValue: string;
  beginTime: Date;
  endTime: Date;
  recordTime: Date;
}

export interface RejectedUsageRecord {
  metering_sn: string;
  error_code: string;
  error_msg: string;
}

export type UsageBodyVerdict =
  | { ok: false; errorCode: "MKT.0101" | "MKT.9003"; message: string }
  | { ok: true; accepted: AcceptedUsageRecord[]; rejected: RejectedUsageRecord[] };

const BEGIN_TIME_LIMIT_MS = 21 * 86_400_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function judgeUsageBody(input: {
  body: string;
  now: Date;
  instance: (instanceId: string) => UsageInstanceFacts | undefined;
  /** metering_sn values already accepted earlier. */
  seen: (meteringSn: string) => boolean;
}): UsageBodyVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    return { ok: false, errorCode: "MKT.0101", message: "the body is not JSON" };
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.usage_records) || parsed.usage_records.length === 0) {
    return { ok: false, errorCode: "MKT.0101", message: "usage_records must be a non-empty array" };
  }
  if (parsed.usage_records.length > MAX_USAGE_RECORDS) {
    return { ok: false, errorCode: "MKT.9003", message: `${parsed.usage_records.length} records, limit ${MAX_USAGE_RECORDS}` };
  }
  const accepted: AcceptedUsageRecord[] = [];
  const rejected: RejectedUsageRecord[] = [];
  const inBody = new Set<string>();
  for (const raw of parsed.usage_records) {
    const record = isRecord(raw) ? raw : {};
    const sn = typeof record.metering_sn === "string" ? record.metering_sn : "";
    const reject = (code: string, message: string) => rejected.push({ metering_sn: sn, error_code: code, error_msg: message });
    if (sn.trim() === "") {
      reject("004", "missing record unique ID");
      continue;
    }
    if (inBody.has(sn) || input.seen(sn)) {
      reject("005", "duplicate record unique ID");
      continue;
    }
    const instanceId = typeof record.instance_id === "string" ? record.instance_id : "";
    const facts = input.instance(instanceId);
    if (!facts) {
      reject("001", "instance not found");
      continue;
    }
    if (facts.chargingMode !== "ON_DEMAND") {
      reject("012", "not an on-demand instance");
      continue;
    }
    if (facts.status !== "active") {
      reject("013", "abnormal instance status");
      continue;
    }
    const times = (["begin_time", "end_time", "record_time"] as const).map((name) => parseUsageTime(record[name], name));
    const [begin, end, at] = times;
    if (!begin?.ok || !end?.ok || !at?.ok) {
      reject("002", "bad time format");
      continue;
    }
    if (end.date.getTime() < begin.date.getTime() || begin.date.getTime() < facts.createdAt.getTime() - 60_000) {
      reject("011", "invalid time range");
      continue;
    }
    if (input.now.getTime() - begin.date.getTime() > BEGIN_TIME_LIMIT_MS) {
      reject("007", "record time expired");
      continue;
    }
    const value = typeof record.usage_value === "string" || typeof record.usage_value === "number" ? String(record.usage_value) : "";
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(value) || Number(value) <= 0) {
      reject("003", "bad usage value");
      continue;
    }
    inBody.add(sn);
    accepted.push({ meteringSn: sn, instanceId, usageValue: value, beginTime: begin.date, endTime: end.date, recordTime: at.date });
  }
  return { ok: true, accepted, rejected };
}
