import { describe, expect, it } from "vitest";
import {
  BODY_SIGN_MALFORMED_MESSAGE,
  computeBodySign,
  formatBodySignHeader,
  parseBodySignHeader,
  verifyBodySign,
} from "./body-sign";

const SPEC_BODY = '{"resultCode":"000000","resultMsg":"success."}';
const SPEC_SIGNATURE = "YB9MRaDz8ENM8JzoKzW8YT4yUrcMdby3kM31MTz8tO4=";

describe("computeBodySign", () => {
  /*
   * Besides the spec vector: the \u-escaped body was also signed with Java 17
   * Mac("HmacSHA256"); all own values were recomputed with
   *   printf '%s' '<body>' | openssl dgst -sha256 -hmac '<key>' -binary | base64
   */
  it.each([
    ["spec §2.3 vector", SPEC_BODY, "xxxxxxx", SPEC_SIGNATURE],
    [
      "V1 body with \\u escapes (Java 17 + openssl)",
      '{"resultCode":"000000","resultMsg":"success.","instanceId":"inst-0001","appInfo":{"frontEndUrl":"https://saas.example.com/","memo":"\\u6b22\\u8fce"}}',
      "S3cr3t-Key",
      "GFIXsEBB+R1TCo7BRR9mrFLZ8Xohy1EfGZy/XLu39cU=",
    ],
    ["trailing newline changes the signature (openssl)", `${SPEC_BODY}\n`, "xxxxxxx", "ExW2F9AdnBcypsQMw/8jp8wSce7O6yxvxGsZWGODhLY="],
    ["raw UTF-8 body (openssl)", '{"resultCode":"000000","resultMsg":"成功"}', "xxxxxxx", "cpTwkCGKmkesiB+ytKM8+kwotQbAqiawMV3ucKVLZLk="],
  ])("%s", (_name, body, key, expected) => {
    expect(computeBodySign(body, key)).toBe(expected);
  });

  it("signs bytes the same as the equivalent string", () => {
    expect(computeBodySign(Buffer.from(SPEC_BODY, "utf8"), "xxxxxxx")).toBe(SPEC_SIGNATURE);
  });
});

describe("formatBodySignHeader", () => {
  it("writes the exact format with double quotes", () => {
    expect(formatBodySignHeader(SPEC_SIGNATURE)).toBe(
      'sign_type="HMAC-SHA256", signature="YB9MRaDz8ENM8JzoKzW8YT4yUrcMdby3kM31MTz8tO4="',
    );
  });
});

describe("parseBodySignHeader", () => {
  it.each([
    [formatBodySignHeader(SPEC_SIGNATURE), SPEC_SIGNATURE],
    [`sign_type = "HMAC-SHA256" ,signature = "${SPEC_SIGNATURE}"`, SPEC_SIGNATURE],
  ])("accepts %s", (header, signature) => {
    expect(parseBodySignHeader(header)).toEqual({ ok: true, signature });
  });

  it.each([
    [undefined, "missing"],
    ["", "missing"],
    [`sign_type=HMAC-SHA256, signature=${SPEC_SIGNATURE}`, "with the double quotes"],
    [`signature="${SPEC_SIGNATURE}", sign_type="HMAC-SHA256"`, "with the double quotes"],
    [`sign_type="HMAC-SHA1", signature="${SPEC_SIGNATURE}"`, 'sign_type is "HMAC-SHA1"'],
    [`sign_type="hmac-sha256", signature="${SPEC_SIGNATURE}"`, 'sign_type is "hmac-sha256"'],
    ['sign_type="HMAC-SHA256", signature=""', "signature is empty"],
  ])("rejects %j with the marketplace message", (header, detail) => {
    const result = parseBodySignHeader(header);
    expect(result).toMatchObject({ ok: false, message: BODY_SIGN_MALFORMED_MESSAGE });
    if (!result.ok) expect(result.detail).toContain(detail);
  });
});

describe("verifyBodySign", () => {
  const header = formatBodySignHeader(SPEC_SIGNATURE);
  it.each([
    ["matching body", SPEC_BODY, header, "xxxxxxx", { ok: true }],
    ["re-serialised body", '{"resultMsg":"success.","resultCode":"000000"}', header, "xxxxxxx", { ok: false, reason: "mismatch" }],
    ["signed with key + timeStamp", SPEC_BODY, header, "xxxxxxx20200727073711903", { ok: false, reason: "mismatch" }],
    ["malformed header", SPEC_BODY, `signature=${SPEC_SIGNATURE}`, "xxxxxxx", { ok: false, reason: "malformed-header" }],
  ])("%s", (_name, body, headerValue, key, expected) => {
    expect(verifyBodySign({ body, header: headerValue, key })).toMatchObject(expected);
  });

  it("quotes the expected value the way the marketplace FAQ does", () => {
    const result = verifyBodySign({ body: `${SPEC_BODY} `, header, key: "xxxxxxx" });
    expect(result).toEqual({
      ok: false,
      reason: "mismatch",
      message: `响应Http Body签名校验失败,预期的签名值:${computeBodySign(`${SPEC_BODY} `, "xxxxxxx")}`,
      expected: computeBodySign(`${SPEC_BODY} `, "xxxxxxx"),
    });
  });
});
