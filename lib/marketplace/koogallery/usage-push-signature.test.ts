import { describe, expect, it } from "vitest";
import {
  buildUsagePushRequest,
  computeUsagePushSignature,
  serializeUsagePushBody,
  verifyUsagePushSignature,
  type UsageRecordInput,
} from "./usage-push-signature";

// Spec §2.8 vector.
const SPEC = {
  key: "xxxxxxx",
  ts: "1660036200000",
  nonce: "6c63c221-1f6b-4141-8ff4-22f5dfe82b65",
  body: '{"usage_records":[{"begin_time":"20220809T080000Z","end_time":"20220809T090000Z","instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","metering_sn":"sn-0001","record_time":"20220809T091000Z","usage_value":"99"}]}',
};
const SPEC_SIGNATURE = "TFFT1KnFhBskquFLwfQXT2atcJgtrKx0QuI141NMuDk=";

// Own vector: Java 17 Mac("HmacSHA256") over "ts=…&nonce=…&body=…" (README "vectors").
const JAVA = {
  key: "9fa6c870-8bb0-4e9b-b71e-4c223300156f",
  ts: "1767229800000",
  nonce: "0e3a4f6e-8a8f-4d5f-9f39-2c1a2b3c4d5e",
  body: '{"usage_records":[{"begin_time":"20260101T000000Z","end_time":"20260101T010000Z","instance_id":"inst-0001","metering_sn":"sn-2","record_time":"20260101T011000Z","usage_value":"12.5"}]}',
};
const JAVA_SIGNATURE = "a+NWFgBl+EdZEu8stB3YrzMPw9GPGtAEbhqkvAemdv0=";

const SPEC_RECORD: UsageRecordInput = {
  instanceId: "7f141bf1-aec8-4859-8323-fb3a8ad50721",
  meteringSn: "sn-0001",
  recordTime: new Date("2022-08-09T09:10:00Z"),
  beginTime: new Date("2022-08-09T08:00:00Z"),
  endTime: new Date("2022-08-09T09:00:00Z"),
  usageValue: "99",
};

describe("computeUsagePushSignature", () => {
  it.each([
    ["spec §2.8 vector", SPEC, SPEC_SIGNATURE],
    ["Java 17 vector", JAVA, JAVA_SIGNATURE],
  ])("%s", (_name, input, expected) => {
    expect(computeUsagePushSignature(input)).toBe(expected);
  });
});

describe("serializeUsagePushBody", () => {
  it("rebuilds the spec body byte for byte", () => {
    expect(serializeUsagePushBody([SPEC_RECORD])).toEqual({ ok: true, body: SPEC.body });
  });

  it("places relate_pkg_instance in ascending key order", () => {
    const result = serializeUsagePushBody([{ ...SPEC_RECORD, relatePkgInstance: "pkg-1", usageValue: 0.0001 }]);
    expect(result.ok && result.body).toContain('"record_time":"20220809T091000Z","relate_pkg_instance":"pkg-1","usage_value":"0.0001"}');
  });

  it.each<[string, UsageRecordInput[], string]>([
    ["no records", [], "usage_records is empty"],
    ["too many records", Array.from({ length: 1001 }, () => SPEC_RECORD), "1001 records, more than the limit of 1000"],
    ["zero usage", [{ ...SPEC_RECORD, usageValue: "0" }], "usage_records[0].usage_value must be greater than 0"],
    ["negative usage", [{ ...SPEC_RECORD, usageValue: -1 }], "must be greater than 0"],
    ["5 decimals", [{ ...SPEC_RECORD, usageValue: "1.00001" }], "more than 4 decimal places"],
    ["exponent notation", [{ ...SPEC_RECORD, usageValue: "1e3" }], "must be written as plain digits"],
    ["not a number", [{ ...SPEC_RECORD, usageValue: "abc" }], "is not a number"],
    ["empty instance id", [{ ...SPEC_RECORD, instanceId: " " }], "usage_records[0].instance_id is empty"],
    ["long metering_sn", [{ ...SPEC_RECORD, meteringSn: "s".repeat(65) }], "metering_sn is longer than 64"],
    [
      "end before begin",
      [{ ...SPEC_RECORD, endTime: new Date("2022-08-09T07:00:00Z") }],
      "usage_records[0] ends before it begins",
    ],
  ])("rejects %s", (_name, records, message) => {
    expect(serializeUsagePushBody(records)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});

describe("buildUsagePushRequest", () => {
  it("reproduces the spec request headers", () => {
    const result = buildUsagePushRequest({
      key: SPEC.key,
      records: [SPEC_RECORD],
      now: new Date(Number(SPEC.ts)),
      randomUUID: () => SPEC.nonce,
    });
    expect(result).toEqual({
      ok: true,
      body: SPEC.body,
      headers: { "Content-Type": "application/json", signature: SPEC_SIGNATURE, ts: SPEC.ts, nonce: SPEC.nonce },
    });
  });

  it("passes validation errors through", () => {
    expect(buildUsagePushRequest({ key: "k", records: [], now: new Date(0), nonce: "n" }).ok).toBe(false);
  });
});

describe("verifyUsagePushSignature", () => {
  it.each([
    ["valid", { signature: SPEC_SIGNATURE }, { ok: true }],
    ["missing nonce", { signature: SPEC_SIGNATURE, nonce: "" }, { ok: false, reason: "missing-header", errorCode: "MKT.0102" }],
    ["other ts", { signature: SPEC_SIGNATURE, ts: "1660036200001" }, { ok: false, reason: "mismatch", errorCode: "MKT.0102" }],
    ["body re-serialised", { signature: SPEC_SIGNATURE, body: SPEC.body.replace(":", ": ") }, { ok: false, reason: "mismatch" }],
  ])("%s", (_name, override, expected) => {
    expect(verifyUsagePushSignature({ ...SPEC, ...override })).toMatchObject(expected);
  });
});
