import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExpireTime, verifyLicence } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { forgetLicenceSigningKey, getLicenceSigningKey } from "@/server/gateway/licence-signing-key";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import {
  configureTestKeys,
  countBusinessRows,
  expectBodySignedWith,
  sendCallback,
  TEST_KEYS,
  uniqueOrderId,
  v1Request,
  v2Request,
} from "@/test/support/marketplace-requests";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// License products: V1 getLicense/releaseLicense, V2 getLicenseAsync and the licence-code
// (授权码) callbacks, all signed with the License key where V2 is concerned.

let testDb: TestDatabase;
let deps: Deps;
const SUCCESS = { resultCode: "000000", resultMsg: "success." };

const v1 = (params: Record<string, string>) => sendCallback(v1Request(params, TEST_KEYS.v1), deps);
const v2 = (body: Record<string, unknown>, key: string = TEST_KEYS.licence) => sendCallback(v2Request(body, key), deps);
const getLicense = (orderId: string, extra: Record<string, string> = {}) =>
  v1({ activity: "getLicense", customerId: "cust-lic", customerName: "Licence Buyer", businessId: crypto.randomUUID(), orderId, productId: "lic-product", skuCode: "lic-sku", ...extra });
const publicKey = async () => (await getLicenceSigningKey(deps)).publicKeyPem;
const newLicenceInstance = async (extra: Record<string, string> = {}) => {
  const orderId = uniqueOrderId();
  const sent = await v2({ activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b", ...extra });
  expect(sent.json.resultCode).toBe("000000");
  return { orderId, instanceId: sent.json.instanceId as string };
};

beforeAll(async () => {
  forgetLicenceSigningKey();
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureTestKeys(deps);
});
afterAll(async () => {
  forgetMarketplaceKeys();
  forgetLicenceSigningKey();
  await testDb?.close();
});

describe(`V1 getLicense and releaseLicense on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("returns the same signed licence for the same order, verifiable with the console's public key", async () => {
    const orderId = uniqueOrderId();
    const first = await getLicense(orderId);
    const again = await getLicense(orderId);
    const license = first.json.license as string;
    const instanceId = first.json.instanceId as string;
    expect(first.body).toBe(JSON.stringify({ ...SUCCESS, license, instanceId }));
    expect(again.body).toBe(first.body);
    expectBodySignedWith(first, TEST_KEYS.v1);
    expectBodySignedWith(again, TEST_KEYS.v1);
    expect(first.row).toMatchObject({ activity: "getLicense", orderId, instanceId, verification: "ok" });

    const verified = verifyLicence(license, await publicKey());
    expect(verified).toMatchObject({
      ok: true,
      payload: { orderId, instanceId, customer: { id: "cust-lic", name: "Licence Buyer" }, sku: { skuCode: "lic-sku", productId: "lic-product" }, expireTime: null, test: false },
    });
    expect(await testDb.db.licence.findMany({ where: { orderId } })).toEqual([expect.objectContaining({ licence: license, instanceId, releasedAt: null })]);
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ customerId: "cust-lic", orderType: "NEW" });
    // A licence from another key does not pass for ours.
    const tampered = `${license.slice(0, -4)}AAAA`;
    expect(verifyLicence(tampered, await publicKey()).ok).toBe(false);
  });

  it("different orders get different licences; a licence for an unknown product records the product for review", async () => {
    const a = await getLicense(uniqueOrderId(), { productId: "lic-unknown-product" });
    const b = await getLicense(uniqueOrderId(), { productId: "lic-unknown-product" });
    expect(a.json.license).not.toBe(b.json.license);
    expect(a.json.instanceId).not.toBe(b.json.instanceId);
    expect(await testDb.db.product.findUniqueOrThrow({ where: { productCode: "lic-unknown-product" } })).toMatchObject({ needsReview: true });
  });

  it("5 getLicense at once for one order issue one licence", async () => {
    // A few rounds: how closely the requests overlap depends on the machine's load.
    for (let round = 0; round < 3; round++) {
      const orderId = uniqueOrderId();
      const sent = await Promise.all(Array.from({ length: 5 }, () => getLicense(orderId)));
      expect(new Set(sent.map((s) => s.json.license)).size).toBe(1);
      expect(await testDb.db.licence.count({ where: { orderId } })).toBe(1);
      expect((await testDb.db.licence.findUniqueOrThrow({ where: { orderId } })).licence).toBe(sent[0]!.json.license);
    }
  });

  it("releaseLicense answers 000000, a repeat too; an unknown order answers 000003", async () => {
    const orderId = uniqueOrderId();
    const issued = await getLicense(orderId);
    const first = await v1({ activity: "releaseLicense", orderId, instanceId: issued.json.instanceId as string });
    expect(first.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(first, TEST_KEYS.v1);
    const releasedAt = (await testDb.db.licence.findUniqueOrThrow({ where: { orderId } })).releasedAt;
    expect(releasedAt).not.toBeNull();
    const again = await v1({ activity: "releaseLicense", orderId });
    expect(again.body).toBe(JSON.stringify(SUCCESS));
    expect((await testDb.db.licence.findUniqueOrThrow({ where: { orderId } })).releasedAt).toEqual(releasedAt);

    const unknown = uniqueOrderId();
    const before = await countBusinessRows(deps);
    const missing = await v1({ activity: "releaseLicense", orderId: unknown });
    expect(missing.body).toBe(JSON.stringify({ resultCode: "000003", resultMsg: `no licence was issued for order ${unknown}` }));
    expectBodySignedWith(missing, TEST_KEYS.v1);
    expect(await countBusinessRows(deps)).toEqual(before);
  });
});

describe(`V2 getLicenseAsync on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("issues one licence for the instance's order, however often it is asked", async () => {
    const { orderId, instanceId } = await newLicenceInstance();
    const body = { activity: "getLicenseAsync", instanceId, effectiveTime: "2026-11-28 10:30:15 z", expireTime: "2027-11-28 10:30:15 z", eventId: "evt-1", deviceFingerprint: "fp-0001" };
    const first = await v2(body);
    expect(first.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(first, TEST_KEYS.licence);
    expect(first.row).toMatchObject({ activity: "getLicenseAsync", keyUsed: "licence", instanceId, orderId });
    const again = await v2({ ...body, eventId: "evt-2" });
    expect(again.json).toEqual(SUCCESS);

    const licences = await testDb.db.licence.findMany({ where: { orderId } });
    expect(licences).toHaveLength(1);
    expect(licences[0]).toMatchObject({ instanceId, expireAt: new Date("2027-11-28T10:30:15Z") });
    const verified = verifyLicence(licences[0]!.licence, await publicKey());
    expect(verified).toMatchObject({
      ok: true,
      payload: { orderId, orderLineId: `${orderId}-1`, instanceId, issuedAt: "2026-11-28T10:30:15.000Z", expireTime: "2027-11-28T10:30:15.000Z", deviceFingerprint: "fp-0001" },
    });
    expect(await testDb.db.instanceEvent.count({ where: { instanceId, kind: "licence_issued" } })).toBe(1);
  });

  it("answers the documented licence codes for what cannot be issued", async () => {
    const ghost = await v2({ activity: "getLicenseAsync", instanceId: "no-such-instance", effectiveTime: "2026-11-28 10:30:15", eventId: "e" });
    expect(ghost.json).toEqual({ resultCode: "000003", resultMsg: "instance no-such-instance does not exist" });

    // A 包周期 (period) instance must be given an expiry.
    const period = await v1({ activity: "newInstance", customerId: "c", businessId: "b", orderId: uniqueOrderId(), productId: "lic-period", chargingMode: "1", expireTime: formatExpireTime(new Date(Date.now() + 30 * 86_400_000)) });
    const periodId = period.json.instanceId as string;
    const noExpiry = await v2({ activity: "getLicenseAsync", instanceId: periodId, effectiveTime: "2026-11-28 10:30:15", eventId: "e" });
    expect(noExpiry.json).toEqual({ resultCode: "000902", resultMsg: expect.any(String) });
    expectBodySignedWith(noExpiry, TEST_KEYS.licence);
    // …within the order's validity.
    const late = await v2({ activity: "getLicenseAsync", instanceId: periodId, effectiveTime: "2099-01-01 00:00:00", expireTime: "2099-12-31 00:00:00", eventId: "e" });
    expect(late.json.resultCode).toBe("000901");

    const { instanceId } = await newLicenceInstance();
    const badTime = await v2({ activity: "getLicenseAsync", instanceId, effectiveTime: "yesterday", eventId: "e" });
    expect(badTime.json.resultCode).toBe("000002");
    // An expiry before the start is a bad parameter, not an internal error.
    const backwards = await v2({ activity: "getLicenseAsync", instanceId, effectiveTime: "2026-11-28 10:30:15", expireTime: "2026-11-01 00:00:00", eventId: "e" });
    expect(backwards.json).toEqual({ resultCode: "000002", resultMsg: "expireTime must be after effectiveTime" });
    expect(backwards.row.error).toBeNull();

    await v2({ activity: "releaseInstance", instanceId });
    const released = await v2({ activity: "getLicenseAsync", instanceId, effectiveTime: "2026-11-28 10:30:15", eventId: "e" });
    expect(released.json).toEqual({ resultCode: "000901", resultMsg: "the instance's order is no longer in effect" });
    expect(await testDb.db.licence.count({ where: { instanceId: { in: [instanceId, periodId] } } })).toBe(0);
  });
});

describe(`V2 licence codes (授权码) on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refreshLicenseCode records the code and moves its expiry; updateLicenseCodeStatus and releaseLicenseCode change its state", async () => {
    const code = `LIC-${uniqueOrderId()}`;
    const renewal = uniqueOrderId();
    const renewedTo = new Date(Date.UTC(2027, 4, 23, 20, 19, 32));
    const refreshed = await v2({ activity: "refreshLicenseCode", scene: "RENEWAL", orderId: renewal, orderLineId: `${renewal}-1`, license: code, productId: "code-product", expireTime: formatExpireTime(renewedTo), testFlag: "1" });
    expect(refreshed.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(refreshed, TEST_KEYS.licence);
    expect(refreshed.row).toMatchObject({ activity: "refreshLicenseCode", orderId: renewal, testFlag: true });
    expect(await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } })).toMatchObject({ orderId: renewal, orderLineId: `${renewal}-1`, productCode: "code-product", expireAt: renewedTo, status: "ALIVE", testFlag: true });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: renewal } })).toMatchObject({ orderType: "RENEW", testFlag: true });
    expect(await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId: `${renewal}-1` } })).toMatchObject({ orderId: renewal });

    const refund = uniqueOrderId();
    const refundedTo = new Date(Date.UTC(2026, 11, 23, 20, 19, 32));
    await v2({ activity: "refreshLicenseCode", scene: "UNSUBSCRIBE_RENEWAL_PERIOD", orderId: refund, orderLineId: `${refund}-1`, license: code, expireTime: formatExpireTime(refundedTo) });
    expect(await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } })).toMatchObject({ orderId: refund, expireAt: refundedTo, productCode: "code-product" });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: refund } })).toMatchObject({ orderType: "UNSUBSCRIBE" });

    const status = await v2({ activity: "updateLicenseCodeStatus", license: code, status: "frozen", reason: "kept as received" });
    expect(status.body).toBe(JSON.stringify(SUCCESS));
    expect((await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } })).status).toBe("FROZEN");

    for (let i = 0; i < 2; i++) {
      const released = await v2({ activity: "releaseLicenseCode", license: code, orderId: refund, orderLineId: `${refund}-1` });
      expect(released.body).toBe(JSON.stringify(SUCCESS));
      expectBodySignedWith(released, TEST_KEYS.licence);
    }
    const row = await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } });
    expect(row.status).toBe("RELEASED");
    expect(row.releasedAt).not.toBeNull();
    expect(await testDb.db.licenceCode.count({ where: { code } })).toBe(1);
  });

  it("a release or status change for a code never seen is accepted and recorded", async () => {
    const code = `LIC-${uniqueOrderId()}`;
    expect((await v2({ activity: "releaseLicenseCode", license: code })).json).toEqual(SUCCESS);
    expect(await testDb.db.licenceCode.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "RELEASED" });
    const other = `LIC-${uniqueOrderId()}`;
    expect((await v2({ activity: "updateLicenseCodeStatus", license: other, status: "ALIVE" }, TEST_KEYS.licencePrevious)).json).toEqual(SUCCESS);
    expect(await testDb.db.licenceCode.findUniqueOrThrow({ where: { code: other } })).toMatchObject({ status: "ALIVE" });
  });
});
