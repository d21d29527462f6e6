import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signCallbackRequest } from "./signed-request";

// Reference vectors from the spec (shared/reference/koogallery-callbacks.md): §2.2 is the
// official "Java代码示例(总)" example, §2.4 a value computed with the documented algorithm.
// The simulator's signing is held to them directly, not to the console's verifier.
describe("signing callbacks as the marketplace", () => {
  it("V1: reproduces the official authToken vector and percent-encodes it on the wire (§2.2)", () => {
    const request = signCallbackRequest({
      targetUrl: "https://isv.example.com/saasproduce",
      generation: "v1",
      key: "xxxxxxx",
      now: new Date(Date.UTC(2020, 6, 27, 7, 37, 11, 903)),
      params: {
        activity: "newInstance",
        businessId: "61e834ba-7b97-4418-b8f7-e5345137278c",
        customerId: "68cbc86abc2018ab880d92f36422fa0e",
        expireTime: "20200727153156",
        orderId: "CS1906666666ABCDE",
        productId: "00301-666666-0--0",
        testFlag: "1",
      },
    });
    expect(request.method).toBe("GET");
    expect(request.body).toBe("");
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe("https://isv.example.com/saasproduce");
    expect(url.searchParams.get("timeStamp")).toBe("20200727073711903");
    expect(url.searchParams.get("authToken")).toBe("Gzbfjf9LHRBcI3bFVi++sLinCNOBF6qa7is1fvjEgYQ=");
    expect(request.url).toContain("authToken=Gzbfjf9LHRBcI3bFVi%2B%2BsLinCNOBF6qa7is1fvjEgYQ%3D");
  });

  it("V2: reproduces the §2.4 signature vector, upper case, with the body keys ascending", () => {
    const request = signCallbackRequest({
      targetUrl: "https://isv.example.com/saasproduce",
      generation: "v2",
      key: "xxxxxxx",
      now: new Date(1680508066618),
      nonce: "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA",
      // Deliberately unsorted: the marketplace's bodies are ascending compact JSON.
      params: {
        testFlag: "1",
        orderLineId: "CS2211181819B4LVS-000001",
        activity: "newInstance",
        orderId: "CS2211181819B4LVS",
        businessId: "87b94795-0603-4e24-8ae5-69420d60e3c8",
      },
    });
    expect(request.method).toBe("POST");
    expect(request.headers["Content-Type"]).toBe("application/json");
    expect(request.body).toBe(
      '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}',
    );
    const url = new URL(request.url);
    expect(url.searchParams.get("signature")).toBe("5CBA99CDFD4BE412EF7EE87ACCF419ACFC21297AE13A457E8776A5D0693AE907");
    expect(url.searchParams.get("timestamp")).toBe("1680508066618");
    expect(url.searchParams.get("nonce")).toBe("50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA");
  });

  it("V2: a fresh 64-hex nonce per request when none is given", () => {
    const sign = () =>
      new URL(signCallbackRequest({ targetUrl: "http://x.test/cb", generation: "v2", key: "k", now: new Date(), params: { activity: "queryInstance", instanceId: "i" } }).url);
    const a = sign().searchParams.get("nonce");
    expect(a).toMatch(/^[0-9A-F]{64}$/);
    expect(sign().searchParams.get("nonce")).not.toBe(a);
  });

  it("refuses to sign without a key or with a nested V1 value", () => {
    expect(() => signCallbackRequest({ targetUrl: "http://x.test", generation: "v1", key: "", now: new Date(), params: { activity: "a" } })).toThrow(/key/);
    expect(() =>
      signCallbackRequest({ targetUrl: "http://x.test", generation: "v1", key: "k", now: new Date(), params: { activity: "a", productInfo: { a: "b" } } }),
    ).toThrow(/productInfo/);
  });
});

describe("signing 联营Kit sync calls as the marketplace (§2.2, §2.5, §3.5)", () => {
  it("V2: reproduces the §2.5 x-sign vector, posted to {生产地址}/produceAPI/v2/tenantSync", () => {
    const request = signCallbackRequest({
      targetUrl: "https://isv.example.com/saasproduce/",
      generation: "v2",
      kit: "tenantSync",
      key: "xxxxxxx",
      now: new Date(1680508066618),
      nonce: "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA",
      // Unsorted, with integers: kit bodies keep numbers as numbers.
      params: {
        tenantId: "68cbc86abc2018ab880d92f36422fa0e",
        flag: 1,
        domainName: "https://example.tenantaccount.com",
        instanceId: "huaiweitest123456",
        name: "huaiweitest",
        orderId: "CS1906666666ABCDE",
        tenantCode: "huawei",
        testFlag: 0,
        timeStamp: "20220413093539534",
      },
    });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://isv.example.com/saasproduce/produceAPI/v2/tenantSync");
    expect(request.body).toBe(
      '{"domainName":"https://example.tenantaccount.com","flag":1,"instanceId":"huaiweitest123456","name":"huaiweitest","orderId":"CS1906666666ABCDE","tenantCode":"huawei","tenantId":"68cbc86abc2018ab880d92f36422fa0e","testFlag":0,"timeStamp":"20220413093539534"}',
    );
    expect(request.headers["x-sign"]).toBe("46e815abb27c2b601238029454050df77257dde9f3be320cf51d902666d43e74");
    expect(request.headers["x-timestamp"]).toBe("1680508066618");
    expect(request.headers["x-nonce"]).toBe("50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA");
    expect(request.url).not.toContain("signature=");
  });

  it("V1: authToken header over the sorted non-blank body fields with Key值 + timeStamp (the §2.2 algorithm)", () => {
    const params = { timeStamp: "20200727073711903", tenantId: "t-1", instanceId: "i-1", orgCode: "", flag: 1, testFlag: 1 };
    const request = signCallbackRequest({ targetUrl: "https://isv.example.com/saasproduce?x=1", generation: "v1", kit: "singleOrgSync", key: "xxxxxxx", now: new Date(), params });
    expect(request.url).toBe("https://isv.example.com/saasproduce/produceAPI/singleOrgSync?x=1");
    // Blank fields are skipped; numbers are signed as their text.
    const expected = createHmac("sha256", "xxxxxxx20200727073711903")
      .update("flag=1&instanceId=i-1&tenantId=t-1&testFlag=1&timeStamp=20200727073711903")
      .digest("base64");
    expect(request.headers.authToken).toBe(expected);
    expect(JSON.parse(request.body)).toEqual(params);
  });
});

