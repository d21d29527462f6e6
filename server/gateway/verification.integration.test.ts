import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeV1AuthToken, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { updateSettings } from "@/server/settings/update-settings";
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

// Who may call: the V1 authToken and the V2 signature, timestamp and nonce (§2.2, §2.4). A
// refused request is answered with the right code, kept, and changes nothing else.

let testDb: TestDatabase;
let deps: Deps;

const newInstanceParams = () => newInstanceParamsFor("prod-v");

// Sends a request expected to be refused: asserts the exact answer, its signature, its record,
// and that no business row appeared or changed.
const expectRefused = async (
  request: ReturnType<typeof raw>,
  expected: { resultCode: string; resultMsg: string | RegExp },
  record: { verification: string; signedWith: string | null; generation?: string; keyUsed?: string },
): Promise<SentCallback> => {
  const before = await countBusinessRows(deps);
  const sent = await sendCallback(request, deps);
  if (typeof expected.resultMsg === "string") expect(sent.body).toBe(JSON.stringify(expected));
  else {
    expect(Object.keys(sent.json)).toEqual(["resultCode", "resultMsg"]);
    expect(sent.json.resultCode).toBe(expected.resultCode);
    expect(sent.json.resultMsg).toMatch(expected.resultMsg);
  }
  if (record.signedWith) expectBodySignedWith(sent, record.signedWith);
  else expect(sent.headers["Body-Sign"]).toBeUndefined();
  expect(sent.row).toMatchObject({ verification: record.verification, keyUsed: record.keyUsed ?? null, orderId: null, instanceId: null });
  if (record.generation) expect(sent.row.generation).toBe(record.generation);
  expect(await countBusinessRows(deps)).toEqual(before);
  return sent;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
});
beforeEach(async () => configureTestKeys(deps));
afterAll(async () => {
  forgetMarketplaceKeys();
  await testDb?.close();
});

describe(`V2 signature, timestamp and nonce on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("a request signed with an unknown key answers 000001, and does not use up the nonce of the genuine request", async () => {
    const body = newInstanceBody();
    const nonce = "6E6F6E63652D6F662D7468652D67656E75696E652D72657175657374";
    await expectRefused(v2Request(body, "attacker-guessed-key", { nonce }), { resultCode: "000001", resultMsg: "signature does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.basic, generation: "v2" });
    const genuine = await sendCallback(v2Request(body, TEST_KEYS.basic, { nonce }), deps);
    expect(genuine.json.resultCode).toBe("000000");
  });

  it("a signature over other bytes (a tampered body) answers 000001", async () => {
    const body = newInstanceBody();
    const request = v2Request(body, TEST_KEYS.basic);
    const tampered = { ...request, body: Buffer.from(JSON.stringify({ ...body, orderId: uniqueOrderId() })) };
    await expectRefused(tampered, { resultCode: "000001", resultMsg: "signature does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.basic });
  });

  it("a License-only activity signed with the basic key answers 000001", async () => {
    for (const body of [
      { activity: "getLicenseAsync", instanceId: "i-1", effectiveTime: "2026-11-28 08:00:00 z", eventId: "e-1" },
      { activity: "releaseLicenseCode", license: "LIC-1" },
    ]) {
      await expectRefused(v2Request(body, TEST_KEYS.basic), { resultCode: "000001", resultMsg: "signature does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.licence });
    }
  });

  it("the previous (rotated) keys are still accepted and answered under the key that signed", async () => {
    const basic = await sendCallback(v2Request(newInstanceBody(), TEST_KEYS.basicPrevious), deps);
    expect(basic.json.resultCode).toBe("000000");
    expect(basic.row.keyUsed).toBe("basic-previous");
    expectBodySignedWith(basic, TEST_KEYS.basicPrevious);

    const licence = await sendCallback(v2Request({ activity: "releaseLicenseCode", license: `LIC-${uniqueOrderId()}` }, TEST_KEYS.licencePrevious), deps);
    expect(licence.json).toEqual({ resultCode: "000000", resultMsg: "success." });
    expect(licence.row.keyUsed).toBe("licence-previous");
    expectBodySignedWith(licence, TEST_KEYS.licencePrevious);
  });

  it("once the previous key is cleared it is refused", async () => {
    await updateSettings({ "marketplace.basicAccessKey.previous": null }, null, null, deps);
    await expectRefused(v2Request(newInstanceBody(), TEST_KEYS.basicPrevious), { resultCode: "000001", resultMsg: "signature does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.basic });
  });

  it("without a configured key nothing is accepted, and the answer is left unsigned", async () => {
    await updateSettings({ "marketplace.basicAccessKey.current": null, "marketplace.basicAccessKey.previous": null, "marketplace.licenseAccessKey.current": null, "marketplace.licenseAccessKey.previous": null }, null, null, deps);
    await expectRefused(
      v2Request(newInstanceBody(), TEST_KEYS.basic),
      { resultCode: "000001", resultMsg: "the seller has not configured the basic interface access key" },
      { verification: "no-key-configured", signedWith: null },
    );
  });

  it("a missing signature answers 000001", async () => {
    const request = v2Request(newInstanceBody(), TEST_KEYS.basic);
    request.query = request.query.replace(/signature=[0-9A-F]+&/, "");
    await expectRefused(request, { resultCode: "000001", resultMsg: "signature is missing" }, { verification: "missing-signature", signedWith: TEST_KEYS.basic });
  });

  it("a missing, stale, future or seconds-based timestamp answers 000002", async () => {
    const now = Date.now();
    const missing = v2Request(newInstanceBody(), TEST_KEYS.basic);
    missing.query = missing.query.replace(/timestamp=\d+&/, "");
    await expectRefused(missing, { resultCode: "000002", resultMsg: "timestamp is missing" }, { verification: "missing-timestamp", signedWith: TEST_KEYS.basic });

    // The message names the skew, which depends on the clock.
    await expectRefused(v2Request(newInstanceBody(), TEST_KEYS.basic, { timestamp: String(now - 65_000) }), { resultCode: "000002", resultMsg: /^timestamp is 6\d{4} ms old, more than the allowed 60000 ms$/ }, { verification: "stale-timestamp", signedWith: TEST_KEYS.basic });
    await expectRefused(v2Request(newInstanceBody(), TEST_KEYS.basic, { timestamp: String(now + 65_000) }), { resultCode: "000002", resultMsg: /^timestamp is 6\d{4} ms in the future, more than the allowed 60000 ms$/ }, { verification: "future-timestamp", signedWith: TEST_KEYS.basic });

    const seconds = String(Math.floor(now / 1000));
    await expectRefused(v2Request(newInstanceBody(), TEST_KEYS.basic, { timestamp: seconds }), { resultCode: "000002", resultMsg: `timestamp must be epoch milliseconds (13 digits), got "${seconds}"` }, { verification: "invalid-timestamp", signedWith: TEST_KEYS.basic });

    // Within the window either way is fine (clock skew).
    expect((await sendCallback(v2Request(newInstanceBody(), TEST_KEYS.basic, { timestamp: String(now - 50_000) }), deps)).json.resultCode).toBe("000000");
    expect((await sendCallback(v2Request(newInstanceBody(), TEST_KEYS.basic, { timestamp: String(now + 50_000) }), deps)).json.resultCode).toBe("000000");
  });

  it("a missing nonce answers 000002", async () => {
    const request = v2Request(newInstanceBody(), TEST_KEYS.basic);
    request.query = request.query.replace(/&nonce=[0-9A-F]+$/, "");
    await expectRefused(request, { resultCode: "000002", resultMsg: "nonce is missing" }, { verification: "missing-nonce", signedWith: TEST_KEYS.basic });
  });

  it("a replayed nonce answers 000002, is kept as a replay, and the first request's work is done once", async () => {
    const body = newInstanceBody();
    const nonce = "Of4lsV7H1qrzVDI52O5CFk2ofPcZRaA6";
    const first = await sendCallback(v2Request(body, TEST_KEYS.basic, { nonce }), deps);
    expect(first.json.resultCode).toBe("000000");
    // A byte-for-byte replay, and the same nonce under a fresh timestamp and signature.
    const replayed = await expectRefused(
      v2Request(body, TEST_KEYS.basic, { nonce, timestamp: first.row.query.match(/timestamp=(\d+)/)![1] }),
      { resultCode: "000002", resultMsg: "nonce was already used: the request is a replay" },
      // The signature was good: which key made it is worth knowing when a replay is investigated.
      { verification: "replayed-nonce", signedWith: TEST_KEYS.basic, keyUsed: "basic" },
    );
    expect(replayed.row.error).toBeNull();
    const resigned = await sendCallback(v2Request(body, TEST_KEYS.basic, { nonce }), deps);
    expect(resigned.json).toEqual({ resultCode: "000002", resultMsg: "nonce was already used: the request is a replay" });
    expect(await testDb.db.instance.count({ where: { orderId: body.orderId } })).toBe(1);
    expect(await testDb.db.callbackNonce.count({ where: { nonce } })).toBe(1);
  });
});

describe(`V1 authToken on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  const tokenOf = (query: string) => decodeURIComponent(query.match(/authToken=([^&]+)/)![1]!);

  it("a token made with another key answers 000001", async () => {
    await expectRefused(v1Request(newInstanceParams(), "not-the-v1-key"), { resultCode: "000001", resultMsg: "authToken does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.v1, generation: "v1" });
  });

  it("a parameter changed after signing answers 000001", async () => {
    const params = newInstanceParams();
    const request = v1Request(params, TEST_KEYS.v1);
    request.query = request.query.replace(`orderId=${params.orderId}`, `orderId=${uniqueOrderId()}`);
    await expectRefused(request, { resultCode: "000001", resultMsg: "authToken does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.v1 });
    // An extra parameter the marketplace did not sign is a change too.
    const added = v1Request(newInstanceParams(), TEST_KEYS.v1);
    added.query += "&testFlag=1";
    await expectRefused(added, { resultCode: "000001", resultMsg: "authToken does not match" }, { verification: "mismatch", signedWith: TEST_KEYS.v1 });
  });

  it("a missing authToken answers 000001, a missing timeStamp 000002", async () => {
    const request = v1Request(newInstanceParams(), TEST_KEYS.v1);
    const withoutToken = { ...request, query: request.query.replace(/&authToken=[^&]+/, "") };
    await expectRefused(withoutToken, { resultCode: "000001", resultMsg: "authToken is missing" }, { verification: "missing-token", signedWith: TEST_KEYS.v1 });
    const withoutTimeStamp = { ...request, query: request.query.replace(/timeStamp=\d+&/, "") };
    await expectRefused(withoutTimeStamp, { resultCode: "000002", resultMsg: "timeStamp is missing" }, { verification: "missing-timestamp", signedWith: TEST_KEYS.v1 });
  });

  it("accepts a token sent raw with its '+' (not percent-encoded) and keeps a '+' inside a value", async () => {
    const params: Record<string, string> = { ...newInstanceParams(), customerName: "A+B Co. Ltd", timeStamp: formatV1Timestamp(new Date()) };
    let token = computeV1AuthToken(params, TEST_KEYS.v1);
    // Find a request whose token has a "+" so the pitfall is really exercised.
    for (let i = 0; !token.includes("+"); i++) {
      params.businessId = `b-${i}`;
      token = computeV1AuthToken(params, TEST_KEYS.v1);
    }
    const query = [...Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`), `authToken=${token}`].join("&");
    const sent = await sendCallback(raw("GET", query, Buffer.alloc(0), {}), deps);
    expect(sent.json.resultCode).toBe("000000");
    expect(tokenOf(sent.row.query)).toContain("+");
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: params.orderId! } })).toMatchObject({ customerName: "A+B Co. Ltd" });
  });

  it("without a configured V1 key nothing is accepted", async () => {
    await updateSettings({ "marketplace.v1Key": null }, null, null, deps);
    await expectRefused(v1Request(newInstanceParams(), TEST_KEYS.v1), { resultCode: "000001", resultMsg: "the seller has not configured its V1 key (Key值)" }, { verification: "no-key-configured", signedWith: null });
  });
});
