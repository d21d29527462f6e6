import { describe, expect, it } from "vitest";
import { decryptCredential } from "./aes-credentials";
import {
  buildLicenseAnswer,
  buildNewInstanceAnswer,
  buildQueryInstanceAnswer,
  buildResultAnswer,
  encryptAppInfo,
  KooGalleryAnswerError,
  serializeAnswer,
  stringifyAsciiJson,
} from "./responses";

describe("buildResultAnswer", () => {
  it.each([
    ["000000", undefined, { resultCode: "000000", resultMsg: "success." }],
    ["000001", undefined, { resultCode: "000001", resultMsg: "token is invalid" }],
    ["000003", undefined, { resultCode: "000003", resultMsg: "instance is invalid" }],
    ["000002", "refreshInstance: expireTime is required", { resultCode: "000002", resultMsg: "refreshInstance: expireTime is required" }],
  ] as const)("%s %j", (code, msg, expected) => {
    expect(buildResultAnswer(code, msg)).toEqual(expected);
  });

  it("cuts resultMsg to 255 characters", () => {
    expect(buildResultAnswer("000002", "x".repeat(300)).resultMsg).toHaveLength(255);
  });
});

describe("serializeAnswer", () => {
  it("signs the spec §2.3 body", () => {
    expect(serializeAnswer(buildResultAnswer("000000"), { generation: "v1", key: "xxxxxxx" })).toEqual({
      body: '{"resultCode":"000000","resultMsg":"success."}',
      headers: {
        "Content-Type": "application/json",
        "Body-Sign": 'sign_type="HMAC-SHA256", signature="YB9MRaDz8ENM8JzoKzW8YT4yUrcMdby3kM31MTz8tO4="',
      },
    });
  });

  it("escapes a V1 Chinese memo and signs the escaped bytes (Java 17 + openssl vector)", () => {
    const answer = buildNewInstanceAnswer({
      instanceId: "inst-0001",
      appInfo: { frontEndUrl: "https://saas.example.com/", memo: "欢迎" },
    });
    const serialized = serializeAnswer(answer, { generation: "v1", key: "S3cr3t-Key" });
    expect(serialized.body).toBe(
      '{"resultCode":"000000","resultMsg":"success.","instanceId":"inst-0001","appInfo":{"frontEndUrl":"https://saas.example.com/","memo":"\\u6b22\\u8fce"}}',
    );
    expect(serialized.headers["Body-Sign"]).toBe('sign_type="HMAC-SHA256", signature="GFIXsEBB+R1TCo7BRR9mrFLZ8Xohy1EfGZy/XLu39cU="');
  });

  it("keeps V2 bodies in plain UTF-8 and signs them unless told not to", () => {
    const answer = buildResultAnswer("000002", "参数错误");
    const signed = serializeAnswer(answer, { generation: "v2", key: "xxxxxxx" });
    expect(signed.body).toBe('{"resultCode":"000002","resultMsg":"参数错误"}');
    // openssl: printf '%s' '{"resultCode":"000002","resultMsg":"参数错误"}' | openssl dgst -sha256 -hmac xxxxxxx -binary | base64
    expect(signed.headers["Body-Sign"]).toBe('sign_type="HMAC-SHA256", signature="FKyrtSl2+aFof2pxPrQO7nA3SbX7mwQ0W9Zo8nxpmeg="');
    expect(serializeAnswer(answer, { generation: "v2", key: "", bodySign: false }).headers).toEqual({
      "Content-Type": "application/json",
    });
  });

  it("checks the V1 memo limit on the escaped text", () => {
    const answer = buildNewInstanceAnswer({ instanceId: "i", appInfo: { frontEndUrl: "https://x/", memo: "中".repeat(200) } });
    expect(() => serializeAnswer(answer, { generation: "v1", key: "k" })).toThrow(
      "memo is 1200 characters once escaped for V1, more than 1024",
    );
    expect(() => serializeAnswer(answer, { generation: "v2", key: "k" })).not.toThrow();
  });

  it("refuses to sign with an empty key", () => {
    expect(() => serializeAnswer(buildResultAnswer("000000"), { generation: "v1", key: "" })).toThrow(KooGalleryAnswerError);
  });
});

describe("stringifyAsciiJson", () => {
  it.each([
    [{ m: "欢迎" }, '{"m":"\\u6b22\\u8fce"}'],
    [{ m: "é\u2028😀" }, '{"m":"\\u00e9\\u2028\\ud83d\\ude00"}'],
    [{ m: 'a"b\n' }, '{"m":"a\\"b\\n"}'],
  ])("%j", (value, expected) => {
    const text = stringifyAsciiJson(value);
    expect(text).toBe(expected);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("buildNewInstanceAnswer", () => {
  it("orders fields like the marketplace example and omits absent ones", () => {
    const answer = buildNewInstanceAnswer({
      instanceId: "03pf80c2bae96vc49b80b917bea776d7",
      encryptType: "1",
      appInfo: { memo: "m", frontEndUrl: "https://saas.example.com/", adminUrl: "https://saas.example.com/admin" },
    });
    expect(JSON.stringify(answer)).toBe(
      '{"resultCode":"000000","resultMsg":"success.","instanceId":"03pf80c2bae96vc49b80b917bea776d7","encryptType":"1","appInfo":{"frontEndUrl":"https://saas.example.com/","adminUrl":"https://saas.example.com/admin","memo":"m"}}',
    );
  });

  it("allows an asynchronous answer without appInfo", () => {
    expect(buildNewInstanceAnswer({ instanceId: "i", resultCode: "000004" })).toEqual({
      resultCode: "000004",
      resultMsg: "request is being processed",
      instanceId: "i",
    });
  });

  it.each<[string, Parameters<typeof buildNewInstanceAnswer>[0], string]>([
    ["no appInfo on success", { instanceId: "i" }, "appInfo with frontEndUrl is required"],
    ["empty instanceId", { instanceId: " ", appInfo: { frontEndUrl: "u" } }, "instanceId must not be empty"],
    ["long instanceId", { instanceId: "i".repeat(65), appInfo: { frontEndUrl: "u" } }, "instanceId is 65 characters, more than 64"],
    ["empty frontEndUrl", { instanceId: "i", appInfo: { frontEndUrl: "" } }, "appInfo.frontEndUrl must not be empty"],
    ["long adminUrl", { instanceId: "i", appInfo: { frontEndUrl: "u", adminUrl: "a".repeat(513) } }, "appInfo.adminUrl is 513 characters"],
    ["long userName", { instanceId: "i", appInfo: { frontEndUrl: "u", userName: "a".repeat(129) } }, "appInfo.userName is 129 characters, more than 128"],
    ["long memo", { instanceId: "i", appInfo: { frontEndUrl: "u", memo: "m".repeat(1025) } }, "appInfo.memo is 1025 characters, more than 1024"],
  ])("refuses %s", (_name, input, message) => {
    expect(() => buildNewInstanceAnswer(input)).toThrow(message);
  });
});

describe("buildQueryInstanceAnswer", () => {
  it("formats usage info", () => {
    const answer = buildQueryInstanceAnswer({
      info: [
        {
          instanceId: "pkg-1",
          usageInfo: [
            { relatedInstanceId: "od-1", usageValue: 12.3456, statisticalTime: new Date("2026-01-05T03:04:05.067Z") },
            { usageValue: 0, statisticalTime: "20260105030405067", dashboardUrl: "https://saas.example.com/usage" },
          ],
        },
        { instanceId: "i-2", appInfo: { frontEndUrl: "https://saas.example.com/" } },
      ],
    });
    expect(answer).toEqual({
      resultCode: "000000",
      resultMsg: "success.",
      info: [
        {
          instanceId: "pkg-1",
          usageInfo: [
            { relatedInstanceId: "od-1", usageValue: 12.3456, statisticalTime: "20260105030405067" },
            { usageValue: 0, statisticalTime: "20260105030405067", dashboardUrl: "https://saas.example.com/usage" },
          ],
        },
        { instanceId: "i-2", appInfo: { frontEndUrl: "https://saas.example.com/" } },
      ],
    });
  });

  it("accepts the largest Double(12,4)", () => {
    expect(() =>
      buildQueryInstanceAnswer({ info: [{ instanceId: "i", usageInfo: [{ usageValue: 99999999.9999, statisticalTime: "20260105030405067" }] }] }),
    ).not.toThrow();
  });

  it.each<[string, number, string, string]>([
    ["negative usage", -1, "20260105030405067", "info[0].usageInfo[0].usageValue must be a finite number ≥ 0"],
    ["NaN usage", Number.NaN, "20260105030405067", "must be a finite number"],
    ["too many decimals", 0.12345, "20260105030405067", "usageValue has more than 4 decimal places"],
    ["float noise", 0.1 + 0.2, "20260105030405067", "more than 4 decimal places"],
    ["too large", 1e8, "20260105030405067", "more than 8 integer digits"],
    ["14-digit statisticalTime", 1, "20260105030405", 'info[0].usageInfo[0].statisticalTime "20260105030405" has the wrong format'],
  ])("refuses %s", (_name, usageValue, statisticalTime, message) => {
    expect(() => buildQueryInstanceAnswer({ info: [{ instanceId: "i", usageInfo: [{ usageValue, statisticalTime }] }] })).toThrow(
      message,
    );
  });
});

describe("buildLicenseAnswer", () => {
  it("carries the license and optional instanceId", () => {
    expect(buildLicenseAnswer({ license: "LIC", instanceId: "i" })).toEqual({
      resultCode: "000000",
      resultMsg: "success.",
      license: "LIC",
      instanceId: "i",
    });
    expect(() => buildLicenseAnswer({ license: "" })).toThrow("license must not be empty");
  });
});

describe("encryptAppInfo", () => {
  it("encrypts userName and password with separate ivs and leaves the rest", () => {
    let counter = 0;
    const result = encryptAppInfo(
      { frontEndUrl: "https://saas.example.com/", userName: "admin", password: "P@ss 中文", memo: "m" },
      "xxxxxxx",
      { encryptType: "2", randomBytes: (size) => new Uint8Array(size).fill(counter++) },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.encryptType).toBe("2");
    expect(result.appInfo.frontEndUrl).toBe("https://saas.example.com/");
    expect(result.appInfo.memo).toBe("m");
    expect(result.appInfo.userName?.slice(0, 16)).toBe("A".repeat(16));
    expect(result.appInfo.password?.slice(0, 16)).toBe("B".repeat(16));
    expect(decryptCredential(result.appInfo.userName ?? "", "xxxxxxx")).toEqual({ ok: true, plaintext: "admin", encryptType: "2" });
    expect(decryptCredential(result.appInfo.password ?? "", "xxxxxxx")).toMatchObject({ ok: true, plaintext: "P@ss 中文" });
  });

  it("names the field that cannot fit", () => {
    expect(encryptAppInfo({ frontEndUrl: "u", userName: "u", password: "p".repeat(80) }, "k")).toEqual({
      ok: false,
      message:
        "appInfo.password is 80 bytes in UTF-8 and would encrypt to 144 characters, over the marketplace's limit of 128; at most 79 UTF-8 bytes of plaintext fit",
    });
  });

  it("produces an answer the builder accepts", () => {
    const result = encryptAppInfo({ frontEndUrl: "u", userName: "u".repeat(79), password: "p" }, "k");
    if (!result.ok) throw new Error(result.message);
    expect(() => buildNewInstanceAnswer({ instanceId: "i", appInfo: result.appInfo, encryptType: result.encryptType })).not.toThrow();
  });
});
