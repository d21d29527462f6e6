import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeV2Signature } from "@/lib/marketplace/koogallery";
import type { Db } from "@/server/db";
import type { Deps } from "@/server/deps";
import { MAX_CALLBACK_BODY_BYTES } from "@/server/gateway/inbound-request-store";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { receiveCallback } from "@/server/gateway/receive-callback";
import { runHousekeeping } from "@/server/worker/housekeeping";
import {
  configureTestKeys,
  countBusinessRows,
  expectBodySignedWith,
  newInstanceBody,
  newInstanceParams as newInstanceParamsFor,
  raw,
  sendCallback,
  TEST_KEYS,
  uniqueOrderId,
  v1Request,
  v2Request,
  type SentCallback,
} from "@/test/support/marketplace-requests";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// What the marketplace (or anyone else) might send that is not a well-formed callback: each is
// answered 000002 (or 000001 for a kit call that fails its x-sign), kept as it came, and changes nothing. And the
// bad days of the console itself: nothing is lost, every request is kept raw before anything
// else happens, and a request whose handling died is kept and brought to an operator's attention.

let testDb: TestDatabase;
let deps: Deps;

const newInstanceParams = () => newInstanceParamsFor("prod-b");

// A POST whose query carries a fresh timestamp and nonce and a signature that is well-formed
// hex, for bodies the signing helper cannot canonicalise (they are not JSON objects).
const unsignable = (bytes: Buffer, contentType = "application/json") =>
  raw("POST", `signature=${"AB".repeat(32)}&timestamp=${Date.now()}&nonce=${crypto.randomUUID().replaceAll("-", "")}`, bytes, { "content-type": contentType });

const expectRefused = async (
  request: ReturnType<typeof raw>,
  resultMsg: string,
  record: { verification: string; signedWith: string; activity?: string | null; resultCode?: string; generation?: string | null },
): Promise<SentCallback> => {
  const before = await countBusinessRows(deps);
  const sent = await sendCallback(request, deps);
  expect(sent.body).toBe(JSON.stringify({ resultCode: record.resultCode ?? "000002", resultMsg }));
  expectBodySignedWith(sent, record.signedWith);
  expect(sent.row).toMatchObject({ verification: record.verification, orderId: null, instanceId: null, error: null });
  if (record.activity !== undefined) expect(sent.row.activity).toBe(record.activity);
  if (record.generation !== undefined) expect(sent.row.generation).toBe(record.generation);
  expect(Buffer.from(sent.row.body).equals(request.body)).toBe(true);
  expect(await countBusinessRows(deps)).toEqual(before);
  return sent;
};

// A database that fails one call, the way a dropped connection or a bug would mid-handling,
// inside interactive transactions too.
const failingOn = (db: Db, model: string, method: string): Db =>
  new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === "$transaction" && typeof value === "function") {
        return (arg: unknown, ...rest: unknown[]) =>
          typeof arg === "function"
            ? value.call(target, (tx: Db) => (arg as (tx: Db) => unknown)(failingOn(tx, model, method)), ...rest)
            : value.call(target, arg, ...rest);
      }
      if (property !== model) return typeof value === "function" ? value.bind(target) : value;
      return new Proxy(value as object, {
        get(delegate, name) {
          if (name === method) return async () => Promise.reject(new Error(`simulated failure in ${model}.${method}`));
          const member: unknown = Reflect.get(delegate, name, delegate);
          return typeof member === "function" ? member.bind(delegate) : member;
        },
      });
    },
  });

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureTestKeys(deps);
});
afterAll(async () => {
  forgetMarketplaceKeys();
  await testDb?.close();
});

describe(`malformed bodies and transport on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("malformed JSON, a non-object body and duplicate keys answer 000002", async () => {
    await expectRefused(unsignable(Buffer.from('{"activity":"newInstance","orderId":')), "invalid JSON: unexpected end of input at position 36", { verification: "invalid-body", signedWith: TEST_KEYS.basic, activity: null });
    await expectRefused(unsignable(Buffer.from('["newInstance"]')), "the request body must be a JSON object", { verification: "invalid-body", signedWith: TEST_KEYS.basic });
    // A duplicate key could make the signed value and the value read differ.
    const duplicate = '{"activity":"newInstance","orderId":"A","orderId":"B","orderLineId":"L","businessId":"b"}';
    await expectRefused(unsignable(Buffer.from(duplicate)), 'invalid JSON: duplicate property "orderId" at position 49', { verification: "invalid-body", signedWith: TEST_KEYS.basic });
  });

  it("a body that is not UTF-8 answers 000002 even when signed over its decoded text, and its bytes are kept", async () => {
    const bytes = Buffer.concat([Buffer.from('{"activity":"newInstance","orderId":"CS'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","orderLineId":"L-1","businessId":"b"}')]);
    const lossy = bytes.toString("utf8");
    const nonce = crypto.randomUUID().replaceAll("-", "");
    const timestamp = String(Date.now());
    const signature = computeV2Signature({ accessKey: TEST_KEYS.basic, nonce, timestamp, body: lossy });
    const request = raw("POST", `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, bytes, { "content-type": "application/json" });
    await expectRefused(request, "the request body is not valid UTF-8", { verification: "invalid-body", signedWith: TEST_KEYS.basic, activity: "newInstance" });
  });

  it("a wrong content type answers 000002 even when the signature is right", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", ""]) {
      const request = v2Request(newInstanceBody(), TEST_KEYS.basic, { contentType });
      if (contentType === "") request.headers.delete("content-type");
      await expectRefused(request, `the request content type must be application/json, got ${JSON.stringify(contentType)}`, { verification: "not-verified", signedWith: TEST_KEYS.basic, activity: "newInstance" });
    }
    // Parameters after the media type are fine.
    const withCharset = await sendCallback(v2Request(newInstanceBody(), TEST_KEYS.basic, { contentType: "Application/JSON; charset=UTF-8" }), deps);
    expect(withCharset.json.resultCode).toBe("000000");
  });

  it("a body over 64 KiB answers 000002 and is kept truncated with its real size", async () => {
    const body = { ...newInstanceBody(), padding: "x".repeat(MAX_CALLBACK_BODY_BYTES) };
    const full = v2Request(body, TEST_KEYS.basic);
    // As read-callback-request.ts hands it over: the first 64 KiB, the size seen, the flag.
    const request = { ...full, body: full.body.subarray(0, MAX_CALLBACK_BODY_BYTES), bodySize: full.body.byteLength, bodyTruncated: true };
    const sent = await expectRefused(request, `the request body is larger than ${MAX_CALLBACK_BODY_BYTES} bytes`, { verification: "not-verified", signedWith: TEST_KEYS.basic, generation: "v2" });
    expect(sent.row).toMatchObject({ bodyTruncated: true, bodySize: full.body.byteLength });
    expect(sent.row.body.byteLength).toBe(MAX_CALLBACK_BODY_BYTES);
  });

  it("a 联营 kit sync call with a wrong x-sign is refused 000001 and kept as it came", async () => {
    const kitKey = "kit-key-b4d1e0";
    await configureTestKeys(deps, { "marketplace.kitAccessKey.current": kitKey });
    const body = Buffer.from(JSON.stringify({ instanceId: "i-1", orderId: "CS1", tenantId: "t", tenantCode: "huawei", name: "Huawei", domainName: "https://example.tenantaccount.com", flag: 1, testFlag: 0, timeStamp: "20220413093539534" }));
    const request = raw("POST", "", body, { "content-type": "application/json", "x-sign": "ab".repeat(32), "x-timestamp": String(Date.now()), "x-nonce": "n-1" }, "/api/koogallery/produceAPI/v2/tenantSync");
    const sent = await expectRefused(request, "x-sign does not match", { verification: "mismatch", signedWith: kitKey, resultCode: "000001", activity: "tenantSync", generation: "kit" });
    expect(sent.row).toMatchObject({ path: "/api/koogallery/produceAPI/v2/tenantSync", headers: expect.objectContaining({ "x-sign": "ab".repeat(32) }) });
    expect(await deps.db.kitTenant.count()).toBe(0);
  });

  it("a method the marketplace does not use answers 000002", async () => {
    await expectRefused(raw("PUT", "", Buffer.from("{}"), { "content-type": "application/json" }), "method PUT is not used by the marketplace", { verification: "not-verified", signedWith: TEST_KEYS.v1, generation: null });
  });

  it("a V1 query with a repeated parameter or broken percent-encoding answers 000002", async () => {
    const request = v1Request(newInstanceParams(), TEST_KEYS.v1);
    await expectRefused({ ...request, query: `${request.query}&orderId=OTHER` }, 'query parameter "orderId" appears more than once', { verification: "malformed-query", signedWith: TEST_KEYS.v1, generation: "v1" });
    await expectRefused({ ...request, query: `${request.query}&customerName=%E0%A4%A` }, 'query parameter "customerName" is not valid percent-encoding', { verification: "malformed-query", signedWith: TEST_KEYS.v1 });
    // Percent-encoded bytes that are not UTF-8 cannot be read as text either.
    await expectRefused({ ...request, query: `${request.query}&customerName=%FF%FE` }, 'query parameter "customerName" is not valid percent-encoding', { verification: "malformed-query", signedWith: TEST_KEYS.v1 });
  });
});

describe(`fields of verified requests on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  // Verified (the signature is right, the nonce is fresh), then refused on its content.
  const v2Refused = (body: Record<string, unknown>, resultMsg: string) =>
    expectRefused(v2Request(body, TEST_KEYS.basic), resultMsg, { verification: "ok", signedWith: TEST_KEYS.basic });
  const v1Refused = (params: Record<string, string>, resultMsg: string) =>
    expectRefused(v1Request(params, TEST_KEYS.v1), resultMsg, { verification: "ok", signedWith: TEST_KEYS.v1 });

  it("an unknown or missing activity answers 000002", async () => {
    // resultMsg is cut at the documented 255 characters.
    await v2Refused(
      { activity: "deleteEverything", orderId: "x" },
      'unknown activity "deleteEverything"; V2 activities are newInstance, queryInstance, refreshInstance, updateInstanceStatus, releaseInstance, upgradeInstance, changeInstanceCheck, orderNotify, getLicenseAsync, refreshLicenseCode, updateLicenseCodeStatus, releaseLicenseCode'.slice(0, 255),
    );
    await v2Refused({ orderId: "x" }, "activity is required");
    await v1Refused({ activity: "tenantSync", orderId: "x" }, 'unknown activity "tenantSync"; V1 activities are newInstance, refreshInstance, expireInstance, releaseInstance, upgrade, instanceStatus, queryInstance, getLicense, releaseLicense');
  });

  it("missing required fields answer 000002 naming them", async () => {
    const { orderLineId: _, ...withoutLine } = newInstanceBody();
    await v2Refused(withoutLine, "newInstance: orderLineId is required");
    await v2Refused({ activity: "refreshInstance", scene: "RENEWAL", instanceId: "i", orderId: "o", orderLineId: "l" }, "refreshInstance: expireTime is required");
    const { customerId: __, ...withoutCustomer } = newInstanceParams();
    await v1Refused(withoutCustomer, "newInstance: customerId is required");
    await v1Refused({ activity: "upgrade", instanceId: "i", orderId: "o", productId: "p" }, "upgrade: skuCode is required");
  });

  it("oversized fields answer 000002: an orderId of 65 characters", async () => {
    const orderId = "C".repeat(65);
    await v2Refused({ ...newInstanceBody(), orderId }, "newInstance: orderId must be at most 64 characters");
    await v1Refused({ ...newInstanceParams(), orderId }, "newInstance: orderId must be at most 64 characters");
    // 64 is the limit, not one less.
    const sent = await sendCallback(v2Request({ ...newInstanceBody(), orderId: "C".repeat(64) }, TEST_KEYS.basic), deps);
    expect(sent.json.resultCode).toBe("000000");
  });

  it("ill-typed fields answer 000002", async () => {
    await v2Refused({ ...newInstanceBody(), orderId: ["CS1"] }, "newInstance: orderId must be a string");
    await v2Refused({ ...newInstanceBody(), businessId: { id: 1 } }, "newInstance: businessId must be a string");
    await v2Refused({ ...newInstanceBody(), testFlag: "yes" }, 'newInstance: testFlag must be one of 0, 1 (got "yes")');
    await v2Refused(
      { activity: "refreshInstance", scene: "RENEWAL", instanceId: "i", orderId: "o", orderLineId: "l", expireTime: "2026-12-31" },
      'refreshInstance: expireTime "2026-12-31" has the wrong format; expected yyyyMMddHHmmss or yyyyMMddHHmmssSSS (UTC)',
    );
    await v1Refused({ ...newInstanceParams(), chargingMode: "monthly" }, "newInstance: chargingMode must be a whole number of at most 3 digits");
    await v1Refused({ ...newInstanceParams(), orderAmount: "-1" }, "newInstance: orderAmount must be a non-negative amount with at most 3 decimal places");
    // A number where a string is expected is read as its text, as the marketplace's Java sample does.
    const numeric = await sendCallback(v2Request({ ...newInstanceBody(), testFlag: 1 }, TEST_KEYS.basic), deps);
    expect(numeric.json.resultCode).toBe("000000");
    expect(numeric.row.testFlag).toBe(true);
  });

  it("invalid enum values answer 000002: status=PAUSE and friends", async () => {
    await v2Refused({ activity: "updateInstanceStatus", instanceId: "i-1", status: "PAUSE" }, 'updateInstanceStatus: status must be one of FREEZE, UNFREEZE (got "PAUSE")');
    await v1Refused({ activity: "instanceStatus", instanceId: "i-1", instanceStatus: "PAUSE" }, 'instanceStatus: instanceStatus must be one of FREEZE, NORMAL (got "PAUSE")');
    // V1 says NORMAL where V2 says UNFREEZE; neither accepts the other's word.
    await v1Refused({ activity: "instanceStatus", instanceId: "i-1", instanceStatus: "UNFREEZE" }, 'instanceStatus: instanceStatus must be one of FREEZE, NORMAL (got "UNFREEZE")');
    await v2Refused({ activity: "refreshInstance", scene: "FOREVER", instanceId: "i", orderId: "o", orderLineId: "l", expireTime: "20261231000000" }, 'refreshInstance: scene must be one of TRIAL_TO_FORMAL, RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD, RENEWAL_CHANGE (got "FOREVER")');
  });

  it("injection-like strings are stored verbatim and stay data", async () => {
    const orderId = "' OR 1=1 --";
    const orderLineId = "x'); DROP TABLE instances; --";
    const businessId = "<script>alert(1)</script>";
    const instancesBefore = await testDb.db.instance.count();
    const sent = await sendCallback(v2Request({ activity: "newInstance", orderId, orderLineId, businessId }, TEST_KEYS.basic), deps);
    expect(sent.json.resultCode).toBe("000000");
    expect(await testDb.db.instance.count()).toBe(instancesBefore + 1);
    const instance = await testDb.db.instance.findUniqueOrThrow({ where: { instanceId: sent.json.instanceId as string } });
    expect(instance).toMatchObject({ orderId, orderLineId, dedupeKey: `v2:${orderId}:${orderLineId}` });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toBeTruthy();
    const created = await testDb.db.instanceEvent.findFirstOrThrow({ where: { instanceId: instance.instanceId } });
    expect(created.details).toMatchObject({ businessId });
    expect(sent.row).toMatchObject({ orderId, instanceId: instance.instanceId });

    // Looking an instance up by such a string finds nothing rather than everything.
    const query = await sendCallback(v2Request({ activity: "queryInstance", instanceId: "' OR 1=1 --" }, TEST_KEYS.basic), deps);
    expect(query.json).toEqual({ resultCode: "000003", resultMsg: "none of the requested instances exists" });
    const release = await sendCallback(v1Request({ activity: "releaseInstance", instanceId: "1' OR '1'='1", orderId: "<b>x</b>" }, TEST_KEYS.v1), deps);
    expect(release.json).toEqual({ resultCode: "000003", resultMsg: "instance 1' OR '1'='1 does not exist" });
    expect(await testDb.db.instance.count({ where: { status: "released" } })).toBe(0);
  });
});

describe(`nothing lost on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("keeps the raw request: method, path, query, headers without credentials, body bytes, size, client address, time", async () => {
    const orderId = uniqueOrderId();
    const request = v2Request({ activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b-1" }, TEST_KEYS.basic);
    request.headers.set("Content-Type", "application/json;charset=UTF-8");
    request.headers.set("Cookie", "session=abc");
    request.headers.set("Authorization", "Bearer xyz");
    request.headers.set("Proxy-Authorization", "Basic xyz");
    request.headers.set("User-Agent", "Apache-HttpClient/4.5.13 (Java/1.8.0_372)");
    request.clientIp = "203.0.113.7";
    const sent = await sendCallback(request, deps);
    expect(sent.json.resultCode).toBe("000000");
    const row = sent.row;
    expect(row).toMatchObject({
      method: "POST",
      path: "/api/koogallery",
      query: request.query,
      bodySize: request.body.byteLength,
      bodyTruncated: false,
      clientIp: "203.0.113.7",
      receivedAt: request.receivedAt,
      state: "answered",
      generation: "v2",
      activity: "newInstance",
      verification: "ok",
      keyUsed: "basic",
      orderId,
      instanceId: sent.json.instanceId,
      error: null,
    });
    expect(Buffer.from(row.body).equals(request.body)).toBe(true);
    expect(row.headers).toMatchObject({ "content-type": "application/json;charset=UTF-8", "user-agent": "Apache-HttpClient/4.5.13 (Java/1.8.0_372)" });
    for (const secret of ["cookie", "authorization", "proxy-authorization"]) expect(row.headers).not.toHaveProperty(secret);
  });

  it("marks debug traffic (V1 testFlag=1, V2 testFlag \"1\") on the request, the instance and the order; \"0\" and absent are production", async () => {
    const cases = [
      { generation: "v1", flag: "1", test: true },
      { generation: "v1", flag: "0", test: false },
      { generation: "v1", flag: undefined, test: false },
      { generation: "v2", flag: "1", test: true },
      { generation: "v2", flag: "0", test: false },
      { generation: "v2", flag: undefined, test: false },
    ] as const;
    for (const { generation, flag, test } of cases) {
      const orderId = uniqueOrderId();
      const testFlag: Record<string, string> = flag === undefined ? {} : { testFlag: flag };
      const sent =
        generation === "v1"
          ? await sendCallback(v1Request({ activity: "newInstance", customerId: "c", businessId: "b", orderId, productId: "p-flags", ...testFlag }, TEST_KEYS.v1), deps)
          : await sendCallback(v2Request({ activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b", ...testFlag }, TEST_KEYS.basic), deps);
      const label = `${generation} testFlag=${flag}`;
      expect(sent.json.resultCode, label).toBe("000000");
      expect(sent.row.testFlag, label).toBe(test);
      expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId: sent.json.instanceId as string } })).testFlag, label).toBe(test);
      expect((await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).testFlag, label).toBe(test);
      // Answered exactly like real traffic.
      expect(Object.keys(sent.json), label).toEqual(["resultCode", "resultMsg", "instanceId", "appInfo"]);
    }
  });

  it("a V2 request whose handling crashes is answered 000005 (JSON, signed with its key) and kept with the error; the retry succeeds", async () => {
    const orderId = uniqueOrderId();
    const body = { activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b-crash" };
    const broken = { ...deps, db: failingOn(testDb.db, "instance", "createManyAndReturn") };
    const sent = await sendCallback(v2Request(body, TEST_KEYS.basicPrevious), broken);
    expect(sent.body).toBe(JSON.stringify({ resultCode: "000005", resultMsg: "internal error while handling the request; it has been recorded for review" }));
    expectBodySignedWith(sent, TEST_KEYS.basicPrevious);
    expect(sent.row).toMatchObject({ state: "answered", generation: "v2", activity: "newInstance", keyUsed: "basic-previous", resultCode: "000005", error: "Error: simulated failure in instance.createManyAndReturn" });
    expect(await testDb.db.instance.count({ where: { orderId } })).toBe(0);

    // The marketplace retries (a new nonce and timestamp); the order recorded before the crash
    // does not get in the way.
    const retry = await sendCallback(v2Request(body, TEST_KEYS.basic), deps);
    expect(retry.json.resultCode).toBe("000000");
    expect(await testDb.db.instance.count({ where: { orderId } })).toBe(1);
    expect(await testDb.db.order.count({ where: { orderId } })).toBe(1);
  });

  it("an instance and its 'created' event are written together: a crash between them leaves neither", async () => {
    const orderId = uniqueOrderId();
    const body = { activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b-half" };
    const broken = { ...deps, db: failingOn(testDb.db, "instanceEvent", "create") };
    const sent = await sendCallback(v2Request(body, TEST_KEYS.basic), broken);
    expect(sent.json.resultCode).toBe("000005");
    expect(sent.row.error).toBe("Error: simulated failure in instanceEvent.create");
    expect(await testDb.db.instance.count({ where: { orderId } })).toBe(0);

    const retry = await sendCallback(v2Request(body, TEST_KEYS.basic), deps);
    expect(retry.json.resultCode).toBe("000000");
    expect(await testDb.db.instanceEvent.count({ where: { instanceId: retry.json.instanceId as string, kind: "created" } })).toBe(1);
  });

  it("a V1 request whose handling crashes is answered 000005 signed with the V1 key", async () => {
    const orderId = uniqueOrderId();
    const broken = { ...deps, db: failingOn(testDb.db, "instance", "createManyAndReturn") };
    const sent = await sendCallback(v1Request({ activity: "newInstance", customerId: "c", businessId: "b", orderId, productId: "p-crash" }, TEST_KEYS.v1), broken);
    expect(sent.json).toEqual({ resultCode: "000005", resultMsg: "internal error while handling the request; it has been recorded for review" });
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(sent.row).toMatchObject({ generation: "v1", activity: "newInstance", keyUsed: "v1", error: "Error: simulated failure in instance.createManyAndReturn" });
  });

  it("a failure before any key is known is still answered 000005 JSON and kept", async () => {
    forgetMarketplaceKeys();
    const broken = { ...deps, db: failingOn(testDb.db, "setting", "findMany") };
    const sent = await sendCallback(v2Request({ activity: "orderNotify", orderId: uniqueOrderId() }, TEST_KEYS.basic), broken);
    expect(sent.json).toEqual({ resultCode: "000005", resultMsg: "internal error while handling the request; it has been recorded for review" });
    expect(sent.headers["Body-Sign"]).toBeUndefined();
    expect(sent.row).toMatchObject({ generation: "v2", activity: "orderNotify", verification: "error", error: "Error: simulated failure in setting.findMany" });
  });

  it("a request left 'received' (its outcome never written) is flagged needs_review by housekeeping after a minute", async () => {
    const orderId = uniqueOrderId();
    const request = v2Request({ activity: "orderNotify", orderId }, TEST_KEYS.basic);
    const broken = { ...deps, db: failingOn(testDb.db, "inboundRequest", "update") };
    const response = await receiveCallback(request, broken);
    // The answer stands even though its record could not be written.
    expect(JSON.parse(response.body)).toEqual({ resultCode: "000000", resultMsg: "success." });
    const row = await testDb.db.inboundRequest.findFirstOrThrow({ where: { query: request.query } });
    expect(row).toMatchObject({ state: "received", resultCode: null, answerBody: null });

    const at = (ms: number) => ({ db: testDb.db, now: () => new Date(request.receivedAt.getTime() + ms) });
    await runHousekeeping(at(30_000));
    expect((await testDb.db.inboundRequest.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("received");
    const answeredBefore = await testDb.db.inboundRequest.count({ where: { state: "answered" } });
    const result = await runHousekeeping(at(61_000));
    expect(result.needsReview).toBe(1);
    expect((await testDb.db.inboundRequest.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("needs_review");
    expect(await testDb.db.inboundRequest.count({ where: { state: "answered" } })).toBe(answeredBefore);
  });
});
