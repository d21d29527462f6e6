import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildLicencePayload, issueLicence, licenceIdFor, verifyLicence, type LicenceClaims } from "./licence";

/*
 * RFC 8032 §7.1 TEST 1 key pair, converted to PEM with
 *   echo 302e020100300506032b657004220420<seed> | xxd -r -p | openssl pkey -inform DER
 * The expected licence signature below was produced by
 *   openssl pkeyutl -sign -inkey priv.pem -rawin -in <signing input> | basenc --base64url
 * over the exact signing input in SIGNING_INPUT (README "vectors").
 */
const PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
-----END PRIVATE KEY-----`;
const PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
-----END PUBLIC KEY-----`;

const CLAIMS: LicenceClaims = {
  orderId: "CS1906666666ABCDE",
  instanceId: "inst-0001",
  customer: { id: "68cbc86abc2018ab880d92f36422fa0e", name: "华为" },
  sku: { skuCode: "sku-std", productId: "00301-666666-0--0" },
  issuedAt: new Date("2020-07-27T07:37:11.903Z"),
  expireTime: new Date("2021-07-27T15:31:56Z"),
  keyId: "k1",
};
const SIGNING_INPUT =
  "KGL1.eyJ2IjoxLCJraWQiOiJrMSIsImxpY2VuY2VJZCI6IjY3OTEwNmNiMjI2NjBmNjlhZTIxYmRjMjFkZjcyYTZiIiwib3JkZXJJZCI6IkNTMTkwNjY2NjY2NkFCQ0RFIiwiaW5zdGFuY2VJZCI6Imluc3QtMDAwMSIsImN1c3RvbWVyIjp7ImlkIjoiNjhjYmM4NmFiYzIwMThhYjg4MGQ5MmYzNjQyMmZhMGUiLCJuYW1lIjoi5Y2O5Li6In0sInNrdSI6eyJza3VDb2RlIjoic2t1LXN0ZCIsInByb2R1Y3RJZCI6IjAwMzAxLTY2NjY2Ni0wLS0wIn0sImlzc3VlZEF0IjoiMjAyMC0wNy0yN1QwNzozNzoxMS45MDNaIiwiZXhwaXJlVGltZSI6IjIwMjEtMDctMjdUMTU6MzE6NTYuMDAwWiIsInRlc3QiOmZhbHNlfQ";
const OPENSSL_SIGNATURE = "1HJLdZezlm3VkMoqBYTBBtbzb-9iihcitfinNAr8uwzDQFuZSjrxUlc8wfdH6Ocs6csPPkD2BG762mkqvAP6AA";

describe("key handling", () => {
  it("signs like RFC 8032 (TEST 2 message 0x72 with TEST 2 key, via openssl)", () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(
      "302e020100300506032b6570042204204ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "hex",
    ).toString("base64")}\n-----END PRIVATE KEY-----`;
    expect(sign(null, Buffer.from([0x72]), pem).toString("hex")).toBe(
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    );
  });

  it("refuses a key that is not Ed25519", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => issueLicence(CLAIMS, pem)).toThrow("the private key must be an Ed25519 key, got ec");
    const pub = publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(() => verifyLicence("KGL1.a.b", pub)).toThrow("the public key must be an Ed25519 key");
  });
});

describe("issueLicence", () => {
  it("matches the openssl-signed vector", () => {
    expect(issueLicence(CLAIMS, PRIVATE_PEM).licence).toBe(`${SIGNING_INPUT}.${OPENSSL_SIGNATURE}`);
  });

  it("gives the same licence for the same order every time", () => {
    const first = issueLicence(CLAIMS, PRIVATE_PEM).licence;
    const reordered: LicenceClaims = {
      keyId: "k1",
      expireTime: new Date("2021-07-27T15:31:56Z"),
      issuedAt: new Date("2020-07-27T07:37:11.903Z"),
      sku: { productId: "00301-666666-0--0", skuCode: "sku-std" },
      customer: { name: "华为", id: "68cbc86abc2018ab880d92f36422fa0e" },
      instanceId: "inst-0001",
      orderId: "CS1906666666ABCDE",
    };
    expect(issueLicence(reordered, PRIVATE_PEM).licence).toBe(first);
  });

  it.each<[string, Partial<LicenceClaims>]>([
    ["another order", { orderId: "CS1906666666ABCDF" }],
    ["another instance", { instanceId: "inst-0002" }],
    ["another expiry", { expireTime: new Date("2021-07-28T15:31:56Z") }],
    ["a test order", { test: true }],
  ])("differs for %s", (_name, change) => {
    expect(issueLicence({ ...CLAIMS, ...change }, PRIVATE_PEM).licence).not.toBe(issueLicence(CLAIMS, PRIVATE_PEM).licence);
  });

  it.each<[string, Partial<LicenceClaims>, string]>([
    ["empty orderId", { orderId: "" }, "orderId must not be empty"],
    ["blank instanceId", { instanceId: " " }, "instanceId must not be empty"],
    ["invalid issuedAt", { issuedAt: new Date(Number.NaN) }, "issuedAt is not a valid date"],
    ["expiry before issue", { expireTime: new Date("2020-01-01T00:00:00Z") }, "expireTime must be after issuedAt"],
    ["empty customer id", { customer: { id: "" } }, "customer.id must not be empty"],
  ])("refuses %s", (_name, change, message) => {
    expect(() => issueLicence({ ...CLAIMS, ...change }, PRIVATE_PEM)).toThrow(message);
  });
});

describe("licenceIdFor", () => {
  it("is the first 32 hex digits of SHA-256 over the order key (sha256sum vector)", () => {
    // printf '%s' '["CS1906666666ABCDE",null,"inst-0001"]' | sha256sum | cut -c1-32
    expect(licenceIdFor("CS1906666666ABCDE", undefined, "inst-0001")).toBe("679106cb22660f69ae21bdc21df72a6b");
    expect(licenceIdFor("CS1906666666ABCDE", "CS1906666666ABCDE-000001", "inst-0001")).not.toBe(
      "679106cb22660f69ae21bdc21df72a6b",
    );
  });
});

describe("buildLicencePayload", () => {
  it("writes a perpetual licence with expireTime null and test false", () => {
    const payload = buildLicencePayload({ ...CLAIMS, expireTime: undefined, keyId: undefined, customer: { id: "c" }, sku: {} });
    expect(JSON.stringify(payload)).toBe(
      '{"v":1,"licenceId":"679106cb22660f69ae21bdc21df72a6b","orderId":"CS1906666666ABCDE","instanceId":"inst-0001","customer":{"id":"c"},"sku":{},"issuedAt":"2020-07-27T07:37:11.903Z","expireTime":null,"test":false}',
    );
  });
});

describe("verifyLicence", () => {
  const licence = `${SIGNING_INPUT}.${OPENSSL_SIGNATURE}`;

  it("accepts the vector and returns its payload", () => {
    const result = verifyLicence(licence, PUBLIC_PEM);
    expect(result).toMatchObject({ ok: true, payload: { orderId: "CS1906666666ABCDE", kid: "k1", customer: { name: "华为" } } });
  });

  it.each<[string, Date, string]>([
    ["inside the window", new Date("2021-01-01T00:00:00Z"), "ok"],
    ["at the issue instant", new Date("2020-07-27T07:37:11.903Z"), "ok"],
    ["before issue", new Date("2020-07-27T07:37:11.902Z"), "not-yet-valid"],
    ["at the expiry instant", new Date("2021-07-27T15:31:56Z"), "expired"],
  ])("checks time %s", (_name, now, expected) => {
    const result = verifyLicence(licence, PUBLIC_PEM, { now });
    if (expected === "ok") expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, reason: expected });
  });

  it("rejects a licence signed by another key", () => {
    const other = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(verifyLicence(issueLicence(CLAIMS, other).licence, PUBLIC_PEM)).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("rejects a payload changed after signing", () => {
    const forged = Buffer.from(
      Buffer.from(SIGNING_INPUT.split(".")[1] ?? "", "base64url").toString("utf8").replace("inst-0001", "inst-0002"),
    ).toString("base64url");
    expect(verifyLicence(`KGL1.${forged}.${OPENSSL_SIGNATURE}`, PUBLIC_PEM)).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it.each([
    ["two parts", "KGL1.abc"],
    ["wrong prefix", `KGL2.${SIGNING_INPUT.slice(5)}.${OPENSSL_SIGNATURE}`],
    ["padding", `${licence}=`],
    ["short signature", `${SIGNING_INPUT}.AAAA`],
  ])("rejects %s as malformed", (_name, value) => {
    expect(verifyLicence(value, PUBLIC_PEM)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("rejects a correctly signed payload of the wrong shape", () => {
    const signingInput = `KGL1.${Buffer.from('{"v":2}').toString("base64url")}`;
    const signature = sign(null, Buffer.from(signingInput), PRIVATE_PEM).toString("base64url");
    expect(verifyLicence(`${signingInput}.${signature}`, PUBLIC_PEM)).toMatchObject({ ok: false, reason: "malformed" });
  });
});
