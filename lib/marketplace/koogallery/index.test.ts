import { describe, expect, it } from "vitest";
import * as koogallery from "./index";
import {
  buildNewInstanceAnswer,
  buildResultAnswer,
  computeV1AuthToken,
  decryptCredential,
  encryptAppInfo,
  parseV1Request,
  parseV2Request,
  serializeAnswer,
  signV2RequestAsMarketplace,
  verifyBodySign,
  verifyV1Query,
  verifyV2Signature,
} from "./index";

describe("public API", () => {
  it.each([
    "computeV1AuthToken",
    "verifyV1Query",
    "computeBodySign",
    "parseBodySignHeader",
    "computeV2Signature",
    "verifyV2Signature",
    "computeKitSignature",
    "deriveAesKey",
    "encryptCredential",
    "signApigRequest",
    "verifyApigRequest",
    "computeUsagePushSignature",
    "parseV1Request",
    "parseV2Request",
    "decodeSaasExtendParams",
    "serializeAnswer",
    "issueLicence",
    "verifyLicence",
    "timingSafeEqualHex",
    "parseExpireTime",
  ])("exports %s", (name) => {
    expect(typeof (koogallery as Record<string, unknown>)[name]).toBe("function");
  });
});

describe("a V2 newInstance round trip, as the route handler would run it", () => {
  const key = "9fa6c870-8bb0-4e9b-b71e-4c223300156f";
  const now = new Date("2026-01-15T08:30:00Z");

  it("verifies, parses, answers with encrypted credentials and signs the answer", () => {
    const request = signV2RequestAsMarketplace({
      accessKey: key,
      body: { activity: "newInstance", orderId: "CS26", orderLineId: "CS26-000001", businessId: "b-1", testFlag: "1" },
      now,
      nonce: "N".repeat(32),
    });

    const verified = verifyV2Signature({ ...request, keys: ["rotated-key", key], now: new Date(now.getTime() + 2_000) });
    expect(verified).toMatchObject({ ok: true, keyIndex: 1 });

    const parsed = parseV2Request(request.body);
    if (!parsed.ok || parsed.activity !== "newInstance") throw new Error("expected newInstance");
    expect(parsed.data.businessId).toBe("b-1");

    const appInfo = encryptAppInfo({ frontEndUrl: "https://saas.example.com/t/b-1", userName: "admin", password: "s3cret" }, key, {
      randomBytes: (size) => new Uint8Array(size).fill(7),
    });
    if (!appInfo.ok) throw new Error(appInfo.message);
    const answer = buildNewInstanceAnswer({ instanceId: parsed.data.businessId, appInfo: appInfo.appInfo, encryptType: appInfo.encryptType });
    const serialized = serializeAnswer(answer, { generation: "v2", key });

    expect(verifyBodySign({ body: serialized.body, header: serialized.headers["Body-Sign"], key })).toEqual({ ok: true });
    const sent = JSON.parse(serialized.body) as { appInfo: { password: string } };
    expect(decryptCredential(sent.appInfo.password, key)).toMatchObject({ ok: true, plaintext: "s3cret" });
  });

  it("answers a tampered request with 000001 before reading it", () => {
    const request = signV2RequestAsMarketplace({
      accessKey: key,
      body: { activity: "releaseInstance", instanceId: "i-1" },
      now,
      nonce: "n",
    });
    const verified = verifyV2Signature({ ...request, body: request.body.replace("i-1", "i-2"), keys: [key], now });
    expect(verified.ok).toBe(false);
    if (verified.ok) return;
    expect(serializeAnswer(buildResultAnswer(verified.resultCode), { generation: "v2", key }).body).toBe(
      '{"resultCode":"000001","resultMsg":"token is invalid"}',
    );
  });
});

describe("a V1 GET round trip", () => {
  it("verifies a signed query, rejects bad data with 000002 and signs the answer", () => {
    const key = "S3cr3t-Key";
    const params = {
      activity: "instanceStatus",
      instanceId: "inst 1+2",
      instanceStatus: "PAUSE",
      timeStamp: "20260115083000123",
    };
    const token = computeV1AuthToken(params, key);
    const query = `${new URLSearchParams({ ...params, authToken: token }).toString()}`;

    const verified = verifyV1Query(query, key);
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.params.instanceId).toBe("inst 1+2");

    const parsed = parseV1Request(verified.params);
    expect(parsed).toEqual({
      ok: false,
      resultCode: "000002",
      activity: "instanceStatus",
      message: 'instanceStatus: instanceStatus must be one of FREEZE, NORMAL (got "PAUSE")',
    });
    if (parsed.ok) return;
    const serialized = serializeAnswer(buildResultAnswer(parsed.resultCode, parsed.message), { generation: "v1", key });
    expect(verifyBodySign({ body: serialized.body, header: serialized.headers["Body-Sign"], key })).toEqual({ ok: true });
  });
});
