import { describe, expect, it } from "vitest";
import {
  buildV1KitStringToSign,
  buildV1StringToSign,
  computeV1AuthToken,
  computeV1KitAuthToken,
  parseV1Query,
  verifyV1AuthToken,
  verifyV1KitAuthToken,
  verifyV1Query,
} from "./v1-auth-token";

// Spec §2.2 vector (official example URL + the doc's placeholder key).
const SPEC_KEY = "xxxxxxx";
const SPEC_PARAMS = {
  activity: "newInstance",
  businessId: "61e834ba-7b97-4418-b8f7-e5345137278c",
  customerId: "68cbc86abc2018ab880d92f36422fa0e",
  expireTime: "20200727153156",
  orderId: "CS1906666666ABCDE",
  productId: "00301-666666-0--0",
  testFlag: "1",
  timeStamp: "20200727073711903",
};
const SPEC_STRING_TO_SIGN =
  "activity=newInstance&businessId=61e834ba-7b97-4418-b8f7-e5345137278c&customerId=68cbc86abc2018ab880d92f36422fa0e&expireTime=20200727153156&orderId=CS1906666666ABCDE&productId=00301-666666-0--0&testFlag=1&timeStamp=20200727073711903";
const SPEC_TOKEN = "Gzbfjf9LHRBcI3bFVi++sLinCNOBF6qa7is1fvjEgYQ=";

// Parameters in the order the marketplace's example URL lists them (not sorted).
const SPEC_QUERY_PREFIX =
  "activity=newInstance&customerId=68cbc86abc2018ab880d92f36422fa0e&businessId=61e834ba-7b97-4418-b8f7-e5345137278c&orderId=CS1906666666ABCDE&productId=00301-666666-0--0&expireTime=20200727153156&testFlag=1&timeStamp=20200727073711903";

/*
 * Own vectors. OWN_KEY values were produced with
 *   printf '%s' "<string to sign>" | openssl dgst -sha256 -hmac "<key><timeStamp>" -binary | base64
 * and the refreshInstance one with Java 17's Mac("HmacSHA256") (README "vectors").
 */
const OWN_KEY = "S3cr3t-Key";
const OWN_TS = "20260115083000123";

describe("buildV1StringToSign", () => {
  it("sorts, skips authToken and does not encode (spec §2.2)", () => {
    expect(buildV1StringToSign({ authToken: "x", ...SPEC_PARAMS })).toBe(SPEC_STRING_TO_SIGN);
  });

  it("keeps empty values and sorts by code unit", () => {
    expect(buildV1StringToSign({ b: "", B: "1", a: "x y" })).toBe("B=1&a=x y&b=");
  });
});

describe("computeV1AuthToken", () => {
  it.each([
    ["spec §2.2 vector", SPEC_PARAMS, SPEC_KEY, SPEC_TOKEN],
    [
      "Java 17 vector: refreshInstance with an empty productId",
      {
        activity: "refreshInstance",
        orderId: "CS2601010000ABCDE",
        instanceId: "inst-0001",
        productId: "",
        expireTime: "20261231235959",
        trialToFormal: "1",
        periodType: "year",
        periodNumber: "1",
        testFlag: "1",
        timeStamp: OWN_TS,
      },
      OWN_KEY,
      "4QHL/PA0i6OvtZ5xiFqHrP9Wvi6Vxd2usyZHKzXsaDY=",
    ],
    [
      "openssl vector: value with a space and a plus",
      { activity: "queryInstance", instanceId: "a b+c", testFlag: "1", timeStamp: OWN_TS },
      OWN_KEY,
      "vJU/gseeZNQJ7zuwA7qMhatGFc2USJYroLQZf/X5gDs=",
    ],
  ])("%s", (_name, params, key, expected) => {
    expect(computeV1AuthToken(params, key)).toBe(expected);
  });

  it("needs a timeStamp", () => {
    expect(() => computeV1AuthToken({ activity: "newInstance" }, SPEC_KEY)).toThrow(TypeError);
  });
});

describe("verifyV1AuthToken", () => {
  it.each<[string, Record<string, string>, unknown]>([
    ["valid", { ...SPEC_PARAMS, authToken: SPEC_TOKEN }, { ok: true }],
    ["token whose '+' became spaces", { ...SPEC_PARAMS, authToken: SPEC_TOKEN.replace(/\+/g, " ") }, { ok: true }],
    ["missing token", { ...SPEC_PARAMS }, { ok: false, reason: "missing-token", resultCode: "000001" }],
    ["blank token", { ...SPEC_PARAMS, authToken: " " }, { ok: false, reason: "missing-token", resultCode: "000001" }],
    [
      "missing timeStamp",
      { ...SPEC_PARAMS, timeStamp: "", authToken: SPEC_TOKEN },
      { ok: false, reason: "missing-timestamp", resultCode: "000002" },
    ],
    [
      "tampered value",
      { ...SPEC_PARAMS, orderId: "CS1906666666ABCDF", authToken: SPEC_TOKEN },
      { ok: false, reason: "mismatch", resultCode: "000001" },
    ],
    [
      "extra parameter",
      { ...SPEC_PARAMS, userId: "u", authToken: SPEC_TOKEN },
      { ok: false, reason: "mismatch", resultCode: "000001" },
    ],
    [
      "token of another key",
      { ...SPEC_PARAMS, authToken: computeV1AuthToken(SPEC_PARAMS, "yyyyyyy") },
      { ok: false, reason: "mismatch" },
    ],
  ])("%s", (_name, params, expected) => {
    expect(verifyV1AuthToken(params, SPEC_KEY)).toMatchObject(expected as object);
  });

  it("refuses an empty key", () => {
    expect(() => verifyV1AuthToken({ ...SPEC_PARAMS, authToken: SPEC_TOKEN }, "")).toThrow(TypeError);
  });
});

describe("parseV1Query", () => {
  it("keeps a raw '+' in authToken and decodes %2B/%2F/%3D", () => {
    const raw = parseV1Query(`?${SPEC_QUERY_PREFIX}&authToken=${SPEC_TOKEN}`);
    const encoded = parseV1Query(`${SPEC_QUERY_PREFIX}&authToken=${encodeURIComponent(SPEC_TOKEN)}`);
    expect(raw).toMatchObject({ ok: true, params: { authToken: SPEC_TOKEN }, plusAsLiteralParams: null });
    expect(encoded).toMatchObject({ ok: true, params: { authToken: SPEC_TOKEN } });
  });

  it("offers both readings when another value has a raw '+'", () => {
    expect(parseV1Query("a=x+y%2Bz&b=%E4%B8%AD&c&d=")).toEqual({
      ok: true,
      params: { a: "x y+z", b: "中", c: "", d: "" },
      plusAsLiteralParams: { a: "x+y+z", b: "中", c: "", d: "" },
    });
  });

  it.each([
    ["a=1&a=2", 'query parameter "a" appears more than once'],
    ["a=%zz", 'query parameter "a" is not valid percent-encoding'],
    ["a=%C3%28", 'query parameter "a" is not valid percent-encoding'],
    ["%zz=1", "is not valid percent-encoding"],
  ])("rejects %s", (query, message) => {
    const result = parseV1Query(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("creates __proto__ as a plain own property", () => {
    const result = parseV1Query("__proto__=x");
    expect(result.ok && Object.hasOwn(result.params, "__proto__")).toBe(true);
  });
});

describe("verifyV1Query", () => {
  it.each([
    ["spec URL with the token percent-encoded", `${SPEC_QUERY_PREFIX}&authToken=${encodeURIComponent(SPEC_TOKEN)}`],
    ["spec URL with the token printed raw", `${SPEC_QUERY_PREFIX}&authToken=${SPEC_TOKEN}`],
    [
      "form-encoded space in a value (openssl vector)",
      `activity=queryInstance&instanceId=a+b+c&testFlag=1&timeStamp=${OWN_TS}&authToken=${encodeURIComponent("giqqTLTCCo7ZxslAelRaVug8UvKjl5DkBJ+qAUZJROc=")}`,
    ],
    [
      "unencoded plus in a value (openssl vector)",
      `activity=queryInstance&instanceId=a+b&testFlag=1&timeStamp=${OWN_TS}&authToken=458Cm8AowoKiJB8cDc2KkDI10Cna/IfJTWgibdSvPWQ=`,
    ],
  ])("accepts %s", (_name, query) => {
    const key = query.includes("20200727") ? SPEC_KEY : OWN_KEY;
    expect(verifyV1Query(query, key).ok).toBe(true);
  });

  it("returns the values under the reading that verified", () => {
    const plus = verifyV1Query(
      `activity=queryInstance&instanceId=a+b&testFlag=1&timeStamp=${OWN_TS}&authToken=458Cm8AowoKiJB8cDc2KkDI10Cna/IfJTWgibdSvPWQ=`,
      OWN_KEY,
    );
    const space = verifyV1Query(
      `activity=queryInstance&instanceId=a+b%2Bc&testFlag=1&timeStamp=${OWN_TS}&authToken=vJU/gseeZNQJ7zuwA7qMhatGFc2USJYroLQZf/X5gDs=`,
      OWN_KEY,
    );
    expect(plus).toMatchObject({ ok: true, params: { instanceId: "a+b" } });
    expect(space).toMatchObject({ ok: true, params: { instanceId: "a b+c" } });
  });

  it.each([
    ["malformed query", "a=%zz", "malformed-query", "000002"],
    ["missing token", SPEC_QUERY_PREFIX, "missing-token", "000001"],
    ["wrong token", `${SPEC_QUERY_PREFIX}&authToken=AAAA`, "mismatch", "000001"],
    ["tampered value with a raw plus", `${SPEC_QUERY_PREFIX.replace("testFlag=1", "testFlag=1+")}&authToken=${SPEC_TOKEN}`, "mismatch", "000001"],
  ])("rejects %s", (_name, query, reason, resultCode) => {
    expect(verifyV1Query(query, SPEC_KEY)).toMatchObject({ ok: false, reason, resultCode });
  });
});

describe("V1 kit POST variant", () => {
  // Spec §2.5 tenantSync body fields, signed the V1 way. Token computed with
  // openssl over the string in the first test (key xxxxxxx + timeStamp).
  const body = {
    tenantId: "68cbc86abc2018ab880d92f36422fa0e",
    testFlag: 0,
    timeStamp: "20220413093539534",
    flag: 1,
    instanceId: "huaiweitest123456",
    name: "huaiweitest",
    orderId: "CS1906666666ABCDE",
    tenantCode: "huawei",
    domainName: "https://example.tenantaccount.com",
    parentCode: "",
    position: null,
    class: "com.example.TenantSyncBean",
  };
  const token = "X3QWCLbvu/AfnAlJ0tamPHcrdERi800scV32sfQe65s=";

  it("skips blank values and class, stringifies numbers", () => {
    expect(buildV1KitStringToSign(body)).toBe(
      "domainName=https://example.tenantaccount.com&flag=1&instanceId=huaiweitest123456&name=huaiweitest&orderId=CS1906666666ABCDE&tenantCode=huawei&tenantId=68cbc86abc2018ab880d92f36422fa0e&testFlag=0&timeStamp=20220413093539534",
    );
    expect(computeV1KitAuthToken(body, SPEC_KEY)).toBe(token);
  });

  it.each<[string, string | undefined, Record<string, unknown>, unknown]>([
    ["valid header", token, body, { ok: true }],
    ["missing header", undefined, body, { ok: false, reason: "missing-token", resultCode: "000001" }],
    ["missing timeStamp", token, { ...body, timeStamp: " " }, { ok: false, reason: "missing-timestamp" }],
    ["changed flag", token, { ...body, flag: 2 }, { ok: false, reason: "mismatch" }],
  ])("%s", (_name, header, payload, expected) => {
    expect(verifyV1KitAuthToken(payload, header, SPEC_KEY)).toMatchObject(expected as object);
  });

  it("writes nested values as compact JSON", () => {
    expect(buildV1KitStringToSign({ userList: [{ a: 1 }], timeStamp: "1" })).toBe('timeStamp=1&userList=[{"a":1}]');
  });
});
