import { describe, expect, it } from "vitest";
import {
  apigUrlEncode,
  buildApigCanonicalQuery,
  buildApigCanonicalUri,
  buildApigStringToSign,
  computeApigSignature,
  parseApigAuthorization,
  signApigRequest,
  verifyApigRequest,
  type ApigRequest,
} from "./apig-signer";

// Official APIG doc vector (spec §2.9).
const DOC_SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const DOC_AK = "QTWAOYTTINDUT2QVKYUC";
const DOC_STRING_TO_SIGN =
  "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a";
const DOC_SIGNATURE = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
/*
 * The doc only publishes the hash of its canonical request. This request (the
 * doc's VPC-list example) hashes to it exactly, found by trying the doc's
 * example values; it pins the full pipeline, not just the last HMAC.
 */
const DOC_REQUEST: ApigRequest = {
  method: "GET",
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2",
  headers: { "Content-Type": "application/json", "X-Sdk-Date": "20191115T033655Z" },
};

// Third-party gem spec vector (spec §2.9); passes only with the trailing "/".
const GEM_REQUEST: ApigRequest = {
  method: "POST",
  url: "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate",
  headers: { "x-stage": "RELEASE", "X-Sdk-Date": "20240317T144237Z", "Content-Type": "application/json" },
  body: "",
};
const GEM_SIGNATURE = "77595ad624b6e4e49990b8c4e84bf1c287457fca61069c4e60b9b6765b52053d";

/*
 * Own vectors: canonical requests written out by hand, then
 *   sha256sum cr.txt  and  printf 'SDK-HMAC-SHA256\n<date>\n<hash>' | openssl dgst -sha256 -hmac "$SK"
 */
const OWN_SK = "OwnSecretKey0123456789";
const OWN_NOW = new Date("2026-01-15T08:30:00Z");
const OWN_QUERY_CANONICAL = [
  "GET",
  "/api/mkp-openapi-public/global/v1/order/query/",
  "keyword=a%20b%2Bc&orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001&x=%E4%B8%AD",
  "content-type:application/json;charset=UTF-8",
  "host:mkt.myhuaweicloud.com",
  "x-sdk-date:20260115T083000Z",
  "",
  "content-type;host;x-sdk-date",
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
].join("\n");

describe("computeApigSignature", () => {
  it("matches the official StringToSign vector", () => {
    expect(computeApigSignature(DOC_STRING_TO_SIGN, DOC_SK)).toBe(DOC_SIGNATURE);
  });
});

describe("signApigRequest", () => {
  it("reproduces the official doc example end to end", () => {
    const signed = signApigRequest(DOC_REQUEST, { accessKey: DOC_AK, secretKey: DOC_SK });
    expect(signed.stringToSign).toBe(DOC_STRING_TO_SIGN);
    expect(signed.signature).toBe(DOC_SIGNATURE);
    expect(signed.headers.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${DOC_AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${DOC_SIGNATURE}`,
    );
    expect(signed.headers.Host).toBe("service.region.example.com");
  });

  it("reproduces the gem vector (trailing slash added to the URI)", () => {
    const signed = signApigRequest(GEM_REQUEST, { accessKey: "test", secretKey: "123" });
    expect(signed.canonicalRequest.split("\n")[1]).toBe("/api/mkp-openapi-public/global/v1/license/activate/");
    expect(signed.signedHeaders).toEqual(["content-type", "host", "x-sdk-date", "x-stage"]);
    expect(signed.signature).toBe(GEM_SIGNATURE);
  });

  it("sorts and re-encodes the query (own openssl vector)", () => {
    const signed = signApigRequest(
      {
        method: "GET",
        url: "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderLineId=CS2207261447AUY4H-000001&x=%E4%B8%AD&orderId=CS2207261447AUY4H&keyword=a%20b%2Bc",
        headers: { "Content-Type": "application/json;charset=UTF-8" },
        body: "ignored for GET",
      },
      { accessKey: "AK", secretKey: OWN_SK },
      OWN_NOW,
    );
    expect(signed.canonicalRequest).toBe(OWN_QUERY_CANONICAL);
    expect(signed.headers["X-Sdk-Date"]).toBe("20260115T083000Z");
    expect(signed.signature).toBe("8777ca1582549be2632c1357958f520da613611f7e430d642d9362a5d14e5c58");
  });

  it("hashes a POST body (own openssl vector)", () => {
    const signed = signApigRequest(
      {
        method: "POST",
        url: "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate",
        headers: { "Content-Type": "application/json" },
        body: '{"license":"LIC-0001","real_effect_time":"20260115083000"}',
      },
      { accessKey: "AK", secretKey: OWN_SK },
      OWN_NOW,
    );
    expect(signed.signature).toBe("f13865e8da5ea684e4b9b5c6976ba3963771c6b471b3f13ce0d3490f8364ec6b");
  });

  it("uses x-sdk-content-sha256 instead of hashing the body", () => {
    const signed = signApigRequest(
      { ...GEM_REQUEST, headers: { ...GEM_REQUEST.headers, "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" } },
      { accessKey: "test", secretKey: "123" },
    );
    expect(signed.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
  });

  it("needs a date from somewhere", () => {
    expect(() => signApigRequest({ method: "GET", url: "https://h/" }, { accessKey: "a", secretKey: "s" })).toThrow(
      TypeError,
    );
  });

  it("refuses the same header twice in different case", () => {
    expect(() =>
      signApigRequest(
        { method: "GET", url: "https://h/", headers: { Host: "h", host: "h" } },
        { accessKey: "a", secretKey: "s" },
        OWN_NOW,
      ),
    ).toThrow(TypeError);
  });
});

describe("canonical parts", () => {
  it.each([
    ["abcXYZ019-_.~", "abcXYZ019-_.~"],
    ["a b+c/d=e&f", "a%20b%2Bc%2Fd%3De%26f"],
    ["中", "%E4%B8%AD"],
    ["\u{1F600}", "%F0%9F%98%80"],
    ["*'()!", "%2A%27%28%29%21"],
  ])("apigUrlEncode(%j) = %s", (input, expected) => {
    expect(apigUrlEncode(input)).toBe(expected);
  });

  it.each([
    ["/", "/"],
    ["", "/"],
    ["/v1/vpcs", "/v1/vpcs/"],
    ["/v1/vpcs/", "/v1/vpcs/"],
    ["/a%20b/c%2Fd", "/a%20b/c%2Fd/"],
  ])("buildApigCanonicalUri(%j) = %s", (path, expected) => {
    expect(buildApigCanonicalUri(path)).toBe(expected);
  });

  it.each([
    ["", ""],
    ["b=2&a=1", "a=1&b=2"],
    ["a=2&a=1&a", "a=&a=1&a=2"],
    ["k=a+b", "k=a%2Bb"],
  ])("buildApigCanonicalQuery(%j) = %s", (query, expected) => {
    expect(buildApigCanonicalQuery(query)).toBe(expected);
  });

  it("builds StringToSign from the canonical request hash", () => {
    expect(buildApigStringToSign(OWN_QUERY_CANONICAL, "20260115T083000Z").split("\n")).toEqual([
      "SDK-HMAC-SHA256",
      "20260115T083000Z",
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });
});

describe("parseApigAuthorization", () => {
  it("reads the doc's header", () => {
    expect(
      parseApigAuthorization(
        `SDK-HMAC-SHA256 Access=${DOC_AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${DOC_SIGNATURE}`,
      ),
    ).toEqual({ ok: true, accessKey: DOC_AK, signedHeaders: ["content-type", "host", "x-sdk-date"], signature: DOC_SIGNATURE });
  });

  it.each([undefined, "", "Bearer abc", `SDK-HMAC-SHA1 Access=a, SignedHeaders=host, Signature=ab`])("rejects %j", (value) => {
    expect(parseApigAuthorization(value).ok).toBe(false);
  });
});

describe("verifyApigRequest", () => {
  const credentials = { accessKey: "AK-1", secretKey: OWN_SK };
  const request: ApigRequest = {
    method: "POST",
    url: "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate",
    headers: { "Content-Type": "application/json" },
    body: '{"license":"LIC-0001"}',
  };
  const signed = { ...request, headers: signApigRequest(request, credentials, OWN_NOW).headers };
  const resolveSecretKey = (ak: string) => (ak === credentials.accessKey ? credentials.secretKey : undefined);
  const minutes = (n: number) => new Date(OWN_NOW.getTime() + n * 60_000);

  it("accepts what signApigRequest produced", () => {
    expect(verifyApigRequest({ request: signed, resolveSecretKey, now: OWN_NOW })).toEqual({ ok: true, accessKey: "AK-1" });
  });

  it("accepts the gem vector request", () => {
    const headers = { ...GEM_REQUEST.headers, host: "mkt.myhuaweicloud.com" } as Record<string, string>;
    headers.Authorization = `SDK-HMAC-SHA256 Access=test, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature=${GEM_SIGNATURE}`;
    const result = verifyApigRequest({
      request: { ...GEM_REQUEST, headers },
      resolveSecretKey: () => "123",
      now: new Date("2024-03-17T14:42:37Z"),
    });
    expect(result).toEqual({ ok: true, accessKey: "test" });
  });

  it.each<[string, Partial<Parameters<typeof verifyApigRequest>[0]>, string]>([
    ["15 minutes late is still fine", { now: minutes(15) }, "ok"],
    ["15 minutes early is still fine", { now: minutes(-15) }, "ok"],
    ["more than 15 minutes late", { now: minutes(15.01) }, "expired-date"],
    ["more than 15 minutes early", { now: minutes(-15.01) }, "expired-date"],
    ["unknown access key", { resolveSecretKey: () => undefined }, "unknown-access-key"],
    ["wrong secret", { resolveSecretKey: () => "other" }, "mismatch"],
    ["body changed", { request: { ...signed, body: '{"license":"LIC-0002"}' } }, "mismatch"],
    ["path changed", { request: { ...signed, url: `${signed.url}2` } }, "mismatch"],
    ["query added", { request: { ...signed, url: `${signed.url}?a=1` } }, "mismatch"],
    ["signed header changed", { request: { ...signed, headers: { ...signed.headers, "Content-Type": "text/plain" } } }, "mismatch"],
    [
      "unsigned header added",
      { request: { ...signed, headers: { ...signed.headers, "X-Extra": "1" } } },
      "ok",
    ],
    ["no Authorization", { request: request }, "malformed-authorization"],
    [
      "date not signed",
      {
        request: {
          ...signed,
          headers: { ...signed.headers, Authorization: "SDK-HMAC-SHA256 Access=AK-1, SignedHeaders=host, Signature=00" },
        },
      },
      "unsigned-date",
    ],
    [
      "signed header absent",
      {
        request: {
          ...signed,
          headers: {
            ...signed.headers,
            Authorization: "SDK-HMAC-SHA256 Access=AK-1, SignedHeaders=host;x-sdk-date;x-stage, Signature=00",
          },
        },
      },
      "missing-signed-header",
    ],
    ["bad date", { request: { ...signed, headers: { ...signed.headers, "X-Sdk-Date": "2026-01-15T08:30:00Z" } } }, "invalid-date"],
    ["bad percent-encoding", { request: { ...signed, url: `${signed.url}?a=%zz` } }, "malformed-request"],
  ])("%s", (_name, override, expected) => {
    const result = verifyApigRequest({ request: signed, resolveSecretKey, now: OWN_NOW, ...override });
    if (expected === "ok") expect(result).toEqual({ ok: true, accessKey: "AK-1" });
    else expect(result).toMatchObject({ ok: false, reason: expected });
  });
});
