import { describe, expect, it } from "vitest";
import {
  canonicalizeKitBody,
  canonicalizeV2Body,
  computeKitSignature,
  computeV2Signature,
  signKitRequestAsMarketplace,
  signV2RequestAsMarketplace,
  verifyKitSignature,
  verifyV2Signature,
  type V2VerifyInput,
} from "./v2-signature";

// Spec §2.4 vector.
const SPEC_KEY = "xxxxxxx";
const SPEC_NONCE = "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
const SPEC_TS = "1680508066618";
const SPEC_PAYLOAD =
  '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}';
const SPEC_SIGNATURE = "5cba99cdfd4be412ef7ee87accf419acfc21297ae13a457e8776a5d0693ae907";

// Spec §2.5 vector.
const SPEC_KIT_PAYLOAD =
  '{"domainName":"https://example.tenantaccount.com","flag":1,"instanceId":"huaiweitest123456","name":"huaiweitest","orderId":"CS1906666666ABCDE","tenantCode":"huawei","tenantId":"68cbc86abc2018ab880d92f36422fa0e","testFlag":0,"timeStamp":"20220413093539534"}';
const SPEC_KIT_SIGNATURE = "46e815abb27c2b601238029454050df77257dde9f3be320cf51d902666d43e74";

/*
 * Own vectors, produced with Java 17's javax.crypto.Mac("HmacSHA256") over the
 * exact strings below (program kept outside the repo, see README "vectors").
 */
const JAVA_KEY = "9fa6c870-8bb0-4e9b-b71e-4c223300156f";
const JAVA_NONCE = "Of4lsV7H1qrzVDI52O5CFk2ofPcZRaA6";
const JAVA_TS = "1729566664115";
const JAVA_V2_PAYLOAD =
  '{"activity":"refreshInstance","expireTime":"20221124023618256","instanceId":"inst-0001","orderId":"CS2211241023ABCDE","orderLineId":"CS2211241023ABCDE-000001","scene":"RENEWAL","testFlag":"1"}';
const JAVA_V2_SIGNATURE = "5f83b27c4ea7c73aee104d757e6064b7c68cd78e4887253b876d0b4a95361877";
const JAVA_KIT_PAYLOAD =
  '{"appId":"app-1","currentSyncTime":"20220420114117642","flag":1,"instanceId":"inst-0001","tenantId":"t-1","testFlag":1,"timeStamp":"20220420114117642","userList":[{"userName":"zhangsan","name":"张三","orgCode":"dev","role":"admin","enable":"true"}]}';
const JAVA_KIT_SIGNATURE = "e61e66b108d66019858f927e504a6e03bda273abff2dcb44ea4924006dbfc351";

describe("canonicalizeV2Body", () => {
  it.each([
    ["already canonical", SPEC_PAYLOAD, SPEC_PAYLOAD],
    [
      "unsorted, spaced, with a null",
      '{ "testFlag": "1", "orderLineId": "CS2211181819B4LVS-000001", "orderId": "CS2211181819B4LVS",\n "businessId": "87b94795-0603-4e24-8ae5-69420d60e3c8", "activity": "newInstance", "extra": null }',
      SPEC_PAYLOAD,
    ],
    ["numbers and booleans become their source text", '{"b":true,"a":1.50}', '{"a":"1.50","b":"true"}'],
    ["escaped slash and unicode are written literally", '{"u":"https:\\/\\/x\\u4e2d"}', '{"u":"https://x中"}'],
    ["nested object keeps received order", '{"p":{"z":"1","a":"2"},"a":"x"}', '{"a":"x","p":{"z":"1","a":"2"}}'],
    ["upper case sorts before lower case", '{"b":"1","B":"2","_":"3"}', '{"B":"2","_":"3","b":"1"}'],
  ])("%s", (_name, body, expected) => {
    expect(canonicalizeV2Body(body)).toEqual({ ok: true, payload: expected });
  });

  it.each([
    ["[]", "must be a JSON object"],
    ['{"a":"1","a":"2"}', "duplicate property"],
    ["{", "invalid JSON"],
  ])("rejects %s", (body, fragment) => {
    const result = canonicalizeV2Body(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});

describe("canonicalizeKitBody", () => {
  it("keeps numbers as numbers and sorts only top-level keys", () => {
    expect(canonicalizeKitBody('{"testFlag":0,"flag":1,"list":[{"b":1,"a":2}],"n":null}')).toEqual({
      ok: true,
      payload: '{"flag":1,"list":[{"b":1,"a":2}],"testFlag":0}',
    });
  });
});

describe("computeV2Signature", () => {
  it.each([
    ["spec §2.4 vector", SPEC_KEY, SPEC_NONCE, SPEC_TS, SPEC_PAYLOAD, SPEC_SIGNATURE],
    ["Java 17 vector (refreshInstance)", JAVA_KEY, JAVA_NONCE, JAVA_TS, JAVA_V2_PAYLOAD, JAVA_V2_SIGNATURE],
  ])("%s", (_name, accessKey, nonce, timestamp, body, expected) => {
    expect(computeV2Signature({ accessKey, nonce, timestamp, body })).toBe(expected);
  });

  it("signs an object body the same as its canonical text", () => {
    const body = {
      testFlag: "1",
      orderLineId: "CS2211181819B4LVS-000001",
      orderId: "CS2211181819B4LVS",
      businessId: "87b94795-0603-4e24-8ae5-69420d60e3c8",
      activity: "newInstance",
    };
    expect(computeV2Signature({ accessKey: SPEC_KEY, nonce: SPEC_NONCE, timestamp: SPEC_TS, body })).toBe(SPEC_SIGNATURE);
  });

  it("is not the kit algorithm", () => {
    expect(computeKitSignature({ accessKey: SPEC_KEY, nonce: SPEC_NONCE, timestamp: SPEC_TS, body: SPEC_PAYLOAD })).not.toBe(
      SPEC_SIGNATURE,
    );
  });

  it("throws on a body it cannot canonicalize", () => {
    expect(() => computeV2Signature({ accessKey: "k", nonce: "n", timestamp: "1", body: "[1]" })).toThrow(TypeError);
  });
});

describe("computeKitSignature", () => {
  it.each([
    ["spec §2.5 vector", SPEC_KEY, SPEC_NONCE, SPEC_TS, SPEC_KIT_PAYLOAD, SPEC_KIT_SIGNATURE],
    ["Java 17 vector (authSync, nested list)", JAVA_KEY, JAVA_NONCE, JAVA_TS, JAVA_KIT_PAYLOAD, JAVA_KIT_SIGNATURE],
    [
      "spec §2.5 vector from an unsorted body",
      SPEC_KEY,
      SPEC_NONCE,
      SPEC_TS,
      '{"tenantId":"68cbc86abc2018ab880d92f36422fa0e","testFlag":0,"timeStamp":"20220413093539534","flag":1,"instanceId":"huaiweitest123456","name":"huaiweitest","orderId":"CS1906666666ABCDE","tenantCode":"huawei","domainName":"https://example.tenantaccount.com"}',
      SPEC_KIT_SIGNATURE,
    ],
  ])("%s", (_name, accessKey, nonce, timestamp, body, expected) => {
    expect(computeKitSignature({ accessKey, nonce, timestamp, body })).toBe(expected);
  });
});

describe("verifyV2Signature", () => {
  const now = new Date(Number(SPEC_TS) + 5_000);
  const base: V2VerifyInput = {
    signature: SPEC_SIGNATURE.toUpperCase(),
    timestamp: SPEC_TS,
    nonce: SPEC_NONCE,
    body: SPEC_PAYLOAD,
    keys: [SPEC_KEY],
    now,
  };

  it("accepts the spec vector sent in upper case", () => {
    expect(verifyV2Signature(base)).toEqual({ ok: true, keyIndex: 0, timestampMs: Number(SPEC_TS), nonce: SPEC_NONCE });
  });

  it("reports which key matched while rotating", () => {
    const result = verifyV2Signature({ ...base, keys: ["new-key", SPEC_KEY] });
    expect(result).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it.each<[string, Partial<V2VerifyInput>, string, string]>([
    ["timestamp missing", { timestamp: undefined }, "000002", "missing-timestamp"],
    ["timestamp blank", { timestamp: " " }, "000002", "missing-timestamp"],
    ["timestamp in seconds", { timestamp: "1680508066" }, "000002", "invalid-timestamp"],
    ["timestamp not a number", { timestamp: "16805080666x8" }, "000002", "invalid-timestamp"],
    ["timestamp 60001 ms old", { now: new Date(Number(SPEC_TS) + 60_001) }, "000002", "stale-timestamp"],
    ["timestamp 60001 ms ahead", { now: new Date(Number(SPEC_TS) - 60_001) }, "000002", "future-timestamp"],
    ["nonce missing", { nonce: null }, "000002", "missing-nonce"],
    ["nonce too long", { nonce: "n".repeat(257) }, "000002", "invalid-nonce"],
    ["signature missing", { signature: "" }, "000001", "missing-signature"],
    ["body not JSON", { body: "activity=newInstance" }, "000002", "invalid-body"],
    ["body changed", { body: SPEC_PAYLOAD.replace('"1"', '"0"') }, "000001", "mismatch"],
    ["nonce changed", { nonce: SPEC_NONCE.toLowerCase() }, "000001", "mismatch"],
    ["wrong key", { keys: ["yyyyyyy"] }, "000001", "mismatch"],
    ["kit signature offered to the basic verifier", { signature: SPEC_KIT_SIGNATURE }, "000001", "mismatch"],
  ])("%s", (_name, override, resultCode, reason) => {
    expect(verifyV2Signature({ ...base, ...override })).toMatchObject({ ok: false, resultCode, reason });
  });

  it.each([
    ["exactly 60000 ms old", 60_000],
    ["exactly 60000 ms ahead", -60_000],
  ])("accepts a timestamp %s", (_name, skew) => {
    expect(verifyV2Signature({ ...base, now: new Date(Number(SPEC_TS) + skew) }).ok).toBe(true);
  });

  it("honours a wider tolerance", () => {
    const result = verifyV2Signature({ ...base, now: new Date(Number(SPEC_TS) + 90_000), toleranceMs: 120_000 });
    expect(result.ok).toBe(true);
  });

  it.each([[[]], [[""]]])("refuses key list %j", (keys) => {
    expect(() => verifyV2Signature({ ...base, keys })).toThrow(TypeError);
  });
});

describe("verifyKitSignature", () => {
  it("accepts the spec kit vector and rejects it as a basic request", () => {
    const input: V2VerifyInput = {
      signature: SPEC_KIT_SIGNATURE,
      timestamp: SPEC_TS,
      nonce: SPEC_NONCE,
      body: SPEC_KIT_PAYLOAD,
      keys: [SPEC_KEY],
      now: new Date(Number(SPEC_TS)),
    };
    expect(verifyKitSignature(input).ok).toBe(true);
    expect(verifyV2Signature(input)).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("names the kit headers in its messages", () => {
    const result = verifyKitSignature({
      signature: "x",
      timestamp: undefined,
      nonce: "n",
      body: "{}",
      keys: ["k"],
      now: new Date(0),
    });
    expect(result).toMatchObject({ ok: false, message: "x-timestamp is missing" });
  });
});

describe("signing as the marketplace", () => {
  const now = new Date("2026-01-15T08:30:00.123Z");
  it("produces values the verifier accepts, with the example formats", () => {
    const signed = signV2RequestAsMarketplace({
      accessKey: SPEC_KEY,
      body: { activity: "newInstance", orderId: "O1", orderLineId: "O1-000001", businessId: "b", testFlag: "1" },
      now,
      randomBytes: (size) => new Uint8Array(size).fill(0xab),
    });
    expect(signed.nonce).toBe("AB".repeat(32));
    expect(signed.timestamp).toBe("1768465800123");
    expect(signed.signature).toMatch(/^[0-9A-F]{64}$/);
    expect(verifyV2Signature({ ...signed, keys: [SPEC_KEY], now }).ok).toBe(true);
  });

  it("reproduces the spec kit vector when given its nonce and time", () => {
    const signed = signKitRequestAsMarketplace({
      accessKey: SPEC_KEY,
      body: SPEC_KIT_PAYLOAD,
      now: new Date(Number(SPEC_TS)),
      nonce: SPEC_NONCE,
    });
    expect(signed.signature).toBe(SPEC_KIT_SIGNATURE);
    expect(verifyKitSignature({ ...signed, keys: [SPEC_KEY], now: new Date(Number(SPEC_TS)) }).ok).toBe(true);
  });
});
