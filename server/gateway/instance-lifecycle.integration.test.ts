import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decryptCredential, formatExpireTime, formatStatisticalTime, type EncryptType } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { completeInstanceProvisioning } from "@/server/gateway/complete-instance-provisioning";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { updateSettings } from "@/server/settings/update-settings";
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

// The life of an instance through every activity of both generations, from the marketplace's
// request to the answer's bytes and signature and to the rows left behind:
// - the repeats the marketplace sends (it retries until it gets 000000 and replays saved debug
//   cases twice a day, §4, §5) find the work done and are answered exactly as the first time;
// - a tenant that is not ready at once is answered "in progress" (V2) or with its front-end URL
//   (V1), and its credentials reach the marketplace through queryInstance once provisioned;
// - a product the console does not know is accepted and recorded for review.

let testDb: TestDatabase;
let deps: Deps;
const PRODUCT = "00301-666666-0--0";
const PRODUCT_URL = "https://tenant.example.com/login";
const DEFAULT_URL = "https://default.example.com/start";
const MANUAL = "prod-manual";
const MANUAL_URL = "https://manual.example.com/";
const WEBHOOK = "prod-webhook";
const CREDENTIALS = { userName: "admin@acme", password: "S3cret!pass-é" };
const INSTANCE_ID = /^[0-9a-f]{32}$/;
const SUCCESS = { resultCode: "000000", resultMsg: "success." };

const v1 = (params: Record<string, string>) => sendCallback(v1Request(params, TEST_KEYS.v1), deps);
const v2 = (body: Record<string, unknown>, key: string = TEST_KEYS.basic) => sendCallback(v2Request(body, key), deps);
const inDays = (days: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + days * 86_400_000);
const eventsOf = (instanceId: string) => testDb.db.instanceEvent.findMany({ where: { instanceId }, orderBy: { id: "asc" } });

const newV1Instance = async (extra: Record<string, string> = {}) => {
  const orderId = extra.orderId ?? uniqueOrderId();
  const sent = await v1({
    activity: "newInstance",
    customerId: "68cbc86abc2018ab880d92f36422fa0e",
    customerName: "Acme Ltd",
    businessId: crypto.randomUUID(),
    orderId,
    productId: PRODUCT,
    skuCode: "sku-basic",
    chargingMode: "1",
    expireTime: formatExpireTime(inDays(30)),
    ...extra,
  });
  expect(sent.json.resultCode).toBe("000000");
  return { orderId, instanceId: sent.json.instanceId as string, sent };
};

const newV2Instance = async () => {
  const orderId = uniqueOrderId();
  const orderLineId = `${orderId}-000001`;
  const sent = await v2({ activity: "newInstance", orderId, orderLineId, businessId: crypto.randomUUID() });
  expect(sent.json.resultCode).toBe("000000");
  return { orderId, orderLineId, instanceId: sent.json.instanceId as string, sent };
};

const v1New = (orderId: string, extra: Record<string, string> = {}) =>
  v1({ activity: "newInstance", customerId: "cust-1", businessId: crypto.randomUUID(), orderId, productId: "prod-period", chargingMode: "1", ...extra });
const v2New = (orderId: string, orderLineId: string) => v2({ activity: "newInstance", orderId, orderLineId, businessId: crypto.randomUUID() });
const createdEvents = (instanceId: string) => testDb.db.instanceEvent.count({ where: { instanceId, kind: "created" } });

const newV1For = (productId: string, extra: Record<string, string> = {}) =>
  v1({ activity: "newInstance", customerId: "cust", businessId: crypto.randomUUID(), orderId: uniqueOrderId(), productId, chargingMode: "1", ...extra });
const newV2With = (extra: Record<string, string> = {}) => {
  const orderId = uniqueOrderId();
  return v2({ activity: "newInstance", orderId, orderLineId: `${orderId}-000001`, businessId: crypto.randomUUID(), ...extra });
};
const setDefaultMode = (mode: "none" | "manual") => updateSettings({ "products.defaultProvisioningMode": mode }, null, null, deps);
const instance = (instanceId: unknown) => testDb.db.instance.findUniqueOrThrow({ where: { instanceId: instanceId as string } });

const decrypt = (value: unknown, key: string, encryptType: EncryptType) => {
  const result = decryptCredential(value as string, key, { encryptTypes: [encryptType] });
  if (!result.ok) throw new Error(result.message);
  return result.plaintext;
};

const completionError = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureTestKeys(deps, { "products.defaultFrontEndUrl": DEFAULT_URL });
  const now = new Date();
  await testDb.db.product.createMany({
    data: [
      { id: crypto.randomUUID(), productCode: PRODUCT, provisioningMode: "none", frontEndUrl: PRODUCT_URL, adminUrl: "https://tenant.example.com/admin", createdAt: now, updatedAt: now },
      { id: crypto.randomUUID(), productCode: MANUAL, provisioningMode: "manual", syncBudgetMs: 0, frontEndUrl: MANUAL_URL, encryptType: "2", createdAt: now, updatedAt: now },
      { id: crypto.randomUUID(), productCode: WEBHOOK, provisioningMode: "webhook", syncBudgetMs: 2500, frontEndUrl: "https://hook.example.com/", createdAt: now, updatedAt: now },
    ],
  });
});
afterAll(async () => {
  forgetMarketplaceKeys();
  await testDb?.close();
});

describe(`V1 instance lifecycle on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("newInstance opens an active instance, answers its id and front-end URL, signed with the V1 key", async () => {
    const expireAt = inDays(30);
    const { orderId, instanceId, sent } = await newV1Instance({ expireTime: formatExpireTime(expireAt), periodType: "month", periodNumber: "1", orderAmount: "99.500" });
    expect(instanceId).toMatch(INSTANCE_ID);
    expect(sent.body).toBe(
      JSON.stringify({ ...SUCCESS, instanceId, appInfo: { frontEndUrl: PRODUCT_URL, adminUrl: "https://tenant.example.com/admin" } }),
    );
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(sent.row).toMatchObject({
      method: "GET",
      generation: "v1",
      activity: "newInstance",
      verification: "ok",
      keyUsed: "v1",
      orderId,
      instanceId,
      testFlag: false,
      error: null,
    });

    const instance = await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } });
    expect(instance).toMatchObject({
      generation: "v1",
      dedupeKey: `v1:${orderId}`,
      orderId,
      orderLineId: null,
      productCode: PRODUCT,
      skuCode: "sku-basic",
      customerId: "68cbc86abc2018ab880d92f36422fa0e",
      customerName: "Acme Ltd",
      chargingMode: "PERIOD",
      status: "active",
      isTrial: false,
      testFlag: false,
      expireAt,
      frontEndUrl: PRODUCT_URL,
    });
    expect(instance.provisionedAt).not.toBeNull();
    const order = await testDb.db.order.findUniqueOrThrow({ where: { orderId } });
    expect(order).toMatchObject({ orderType: "NEW", customerId: "68cbc86abc2018ab880d92f36422fa0e", chargingMode: "PERIOD", periodType: "month", periodNumber: 1, currency: "CNY", testFlag: false });
    expect(order.amount?.toString()).toBe("99.5");
    const events = await eventsOf(instanceId);
    expect(events.map((e) => [e.kind, e.orderId, e.inboundRequestId])).toEqual([["created", orderId, sent.row.id]]);
  });

  it("a trial opens as a trial and refreshInstance with trialToFormal=1 converts it on the new order", async () => {
    const { orderId, instanceId } = await newV1Instance({ trialFlag: "1" });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ isTrial: true });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ orderType: "TRIAL" });

    const formalOrder = uniqueOrderId();
    const expireAt = inDays(365);
    const sent = await v1({ activity: "refreshInstance", orderId: formalOrder, instanceId, expireTime: formatExpireTime(expireAt), trialToFormal: "1", periodType: "year", periodNumber: "1", orderAmount: "1200" });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(sent.row).toMatchObject({ activity: "refreshInstance", orderId: formalOrder, instanceId });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ isTrial: false, expireAt, status: "active", orderId });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: formalOrder } })).toMatchObject({ orderType: "TRIAL_TO_FORMAL", periodType: "year", periodNumber: 1 });
    const events = await eventsOf(instanceId);
    expect(events.map((e) => e.kind)).toEqual(["created", "trial_to_formal"]);
    expect(events[1]).toMatchObject({ orderId: formalOrder, inboundRequestId: sent.row.id });
  });

  it("refreshInstance renews with and without a new productId", async () => {
    const { instanceId } = await newV1Instance();
    const renewal = uniqueOrderId();
    const first = inDays(60);
    const plain = await v1({ activity: "refreshInstance", orderId: renewal, instanceId, expireTime: formatExpireTime(first) });
    expect(plain.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(plain, TEST_KEYS.v1);
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ expireAt: first, productCode: PRODUCT });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: renewal } })).toMatchObject({ orderType: "RENEW" });

    // A renewal that changes the period type arrives with the new period's productId.
    const yearly = `${PRODUCT}-yearly-${renewal}`;
    const second = inDays(400);
    const changed = await v1({ activity: "refreshInstance", orderId: uniqueOrderId(), instanceId, productId: yearly, expireTime: formatExpireTime(second) });
    expect(changed.json).toEqual(SUCCESS);
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ expireAt: second, productCode: yearly });
    expect(await testDb.db.product.findUniqueOrThrow({ where: { productCode: yearly } })).toMatchObject({ needsReview: true });
    const events = await eventsOf(instanceId);
    expect(events.map((e) => e.kind)).toEqual(["created", "renewed", "renewed"]);
    expect(events[2]!.details).toMatchObject({ scene: "RENEWAL", from: first.toISOString(), to: second.toISOString() });
  });

  it("expireInstance freezes and a renewal in the freeze period brings the instance back", async () => {
    const { orderId, instanceId } = await newV1Instance();
    const sent = await v1({ activity: "expireInstance", instanceId, orderId });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.v1);
    const frozen = await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } });
    expect(frozen.status).toBe("frozen");
    expect(frozen.frozenAt).not.toBeNull();
    // The doc's own example omits orderId; it is accepted without.
    expect((await v1({ activity: "expireInstance", instanceId })).json).toEqual(SUCCESS);

    await v1({ activity: "refreshInstance", orderId: uniqueOrderId(), instanceId, expireTime: formatExpireTime(inDays(30)) });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ status: "active", frozenAt: null });
    expect((await eventsOf(instanceId)).map((e) => e.kind)).toEqual(["created", "frozen", "renewed"]);
  });

  it("instanceStatus FREEZE and NORMAL freeze and unfreeze an on-demand instance, once each", async () => {
    const { instanceId } = await newV1Instance({ chargingMode: "0", expireTime: "" });
    for (const [status, expected] of [["FREEZE", "frozen"], ["FREEZE", "frozen"], ["NORMAL", "active"], ["NORMAL", "active"]] as const) {
      const sent = await v1({ activity: "instanceStatus", instanceId, instanceStatus: status });
      expect(sent.body).toBe(JSON.stringify(SUCCESS));
      expectBodySignedWith(sent, TEST_KEYS.v1);
      expect(sent.row).toMatchObject({ activity: "instanceStatus", instanceId });
      expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).status).toBe(expected);
    }
    expect((await eventsOf(instanceId)).map((e) => e.kind)).toEqual(["created", "frozen", "unfrozen"]);
  });

  it("upgrade moves the instance to the new SKU and records the linear attributes", async () => {
    const { instanceId } = await newV1Instance();
    const upgradeOrder = uniqueOrderId();
    const sent = await v1({ activity: "upgrade", instanceId, orderId: upgradeOrder, skuCode: "sku-pro", productId: PRODUCT, amount: "50", diskSize: "100" });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(sent.row).toMatchObject({ activity: "upgrade", orderId: upgradeOrder, instanceId });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ skuCode: "sku-pro", productCode: PRODUCT });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: upgradeOrder } })).toMatchObject({ orderType: "CHANGE" });
    const events = await eventsOf(instanceId);
    expect(events.map((e) => e.kind)).toEqual(["created", "upgraded"]);
    expect(events[1]!.details).toEqual({ fromProduct: PRODUCT, toProduct: PRODUCT, fromSku: "sku-basic", toSku: "sku-pro", linear: { amount: "50", diskSize: "100" } });
  });

  it("queryInstance answers each known instance in the order asked, with usage for on-demand ones", async () => {
    const period = await newV1Instance();
    const onDemand = await newV1Instance({ chargingMode: "0", expireTime: "" });
    const usageAt = new Date("2026-11-28T07:30:00.125Z");
    await testDb.db.instance.update({ where: { instanceId: onDemand.instanceId }, data: { usageValue: "12.3456", usageAt } });

    const sent = await v1({ activity: "queryInstance", instanceId: `${onDemand.instanceId},${period.instanceId},ffffffffffffffffffffffffffffffff` });
    expect(sent.body).toBe(
      JSON.stringify({
        ...SUCCESS,
        info: [
          { instanceId: onDemand.instanceId, appInfo: { frontEndUrl: PRODUCT_URL, adminUrl: "https://tenant.example.com/admin" }, usageInfo: [{ usageValue: 12.3456, statisticalTime: "20261128073000125" }] },
          { instanceId: period.instanceId, appInfo: { frontEndUrl: PRODUCT_URL, adminUrl: "https://tenant.example.com/admin" } },
        ],
      }),
    );
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(sent.row).toMatchObject({ activity: "queryInstance", instanceId: null });
  });

  it("an on-demand instance without any usage yet reports 0 at the time of the query", async () => {
    const onDemand = await newV1Instance({ chargingMode: "5" });
    const before = formatStatisticalTime(new Date());
    const sent = await v1({ activity: "queryInstance", instanceId: onDemand.instanceId });
    const after = formatStatisticalTime(new Date());
    const usage = (sent.json.info as { usageInfo: { usageValue: number; statisticalTime: string }[] }[])[0]!.usageInfo;
    expect(usage).toHaveLength(1);
    expect(usage[0]!.usageValue).toBe(0);
    expect(usage[0]!.statisticalTime >= before && usage[0]!.statisticalTime <= after).toBe(true);
    expect(sent.row).toMatchObject({ instanceId: onDemand.instanceId, orderId: onDemand.orderId });
  });

  it("releaseInstance releases once; a repeat answers success and records nothing more", async () => {
    const { orderId, instanceId } = await newV1Instance();
    for (let i = 0; i < 2; i++) {
      const sent = await v1({ activity: "releaseInstance", instanceId, orderId });
      expect(sent.body).toBe(JSON.stringify(SUCCESS));
      expectBodySignedWith(sent, TEST_KEYS.v1);
      expect(sent.row).toMatchObject({ activity: "releaseInstance", orderId, instanceId });
    }
    const instance = await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } });
    expect(instance.status).toBe("released");
    expect(instance.releasedAt).not.toBeNull();
    expect((await eventsOf(instanceId)).map((e) => e.kind)).toEqual(["created", "released"]);
    // Nothing brings a released instance back.
    expect((await v1({ activity: "refreshInstance", orderId: uniqueOrderId(), instanceId, expireTime: formatExpireTime(inDays(9)) })).json.resultCode).toBe("000003");
    expect((await v1({ activity: "upgrade", instanceId, orderId: uniqueOrderId(), skuCode: "x", productId: PRODUCT })).json.resultCode).toBe("000003");
    expect((await v1({ activity: "instanceStatus", instanceId, instanceStatus: "NORMAL" })).json.resultCode).toBe("000003");
    expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).status).toBe("released");
  });
});

describe(`V2 instance lifecycle on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("newInstance opens an active instance keyed by order line, answered and signed with the basic key", async () => {
    const { orderId, orderLineId, instanceId, sent } = await newV2Instance();
    expect(instanceId).toMatch(INSTANCE_ID);
    // V2 carries no product: the console's default front-end URL is answered.
    expect(sent.body).toBe(JSON.stringify({ ...SUCCESS, instanceId, appInfo: { frontEndUrl: DEFAULT_URL } }));
    expectBodySignedWith(sent, TEST_KEYS.basic);
    expect(sent.row).toMatchObject({ method: "POST", generation: "v2", activity: "newInstance", verification: "ok", keyUsed: "basic", orderId, instanceId, testFlag: false });
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({
      generation: "v2",
      dedupeKey: `v2:${orderId}:${orderLineId}`,
      orderId,
      orderLineId,
      productCode: null,
      status: "active",
      testFlag: false,
    });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ orderType: "NEW", testFlag: false });
    expect(await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId } })).toMatchObject({ orderId });
    expect((await eventsOf(instanceId)).map((e) => [e.kind, e.inboundRequestId])).toEqual([["created", sent.row.id]]);
  });

  it("queryInstance answers the instance's appInfo", async () => {
    const { orderId, instanceId } = await newV2Instance();
    const sent = await v2({ activity: "queryInstance", instanceId });
    expect(sent.body).toBe(JSON.stringify({ ...SUCCESS, info: [{ instanceId, appInfo: { frontEndUrl: DEFAULT_URL } }] }));
    expectBodySignedWith(sent, TEST_KEYS.basic);
    expect(sent.row).toMatchObject({ activity: "queryInstance", instanceId, orderId });
  });

  it("refreshInstance handles all four scenes", async () => {
    const { instanceId } = await newV2Instance();
    await testDb.db.instance.update({ where: { instanceId }, data: { isTrial: true } });
    const scenes = [
      ["TRIAL_TO_FORMAL", inDays(30), "TRIAL_TO_FORMAL", "trial_to_formal"],
      ["RENEWAL", inDays(60), "RENEW", "renewed"],
      ["UNSUBSCRIBE_RENEWAL_PERIOD", inDays(30), "UNSUBSCRIBE", "renewal_refunded"],
      ["RENEWAL_CHANGE", inDays(90), "RENEW", "renewed"],
    ] as const;
    for (const [scene, expireAt, orderType, kind] of scenes) {
      const orderId = uniqueOrderId();
      const orderLineId = `${orderId}-000001`;
      // The official example writes expireTime with milliseconds (17 digits); both layouts are read.
      const expireTime = scene === "RENEWAL" ? `${formatExpireTime(expireAt)}000` : formatExpireTime(expireAt);
      const sent = await v2({ activity: "refreshInstance", scene, orderId, orderLineId, instanceId, expireTime, testFlag: "0" });
      expect(sent.body).toBe(JSON.stringify(SUCCESS));
      expectBodySignedWith(sent, TEST_KEYS.basic);
      expect(sent.row).toMatchObject({ activity: "refreshInstance", orderId, instanceId });
      expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ expireAt, isTrial: false });
      expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ orderType });
      expect(await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId } })).toMatchObject({ orderId, expireAt });
      const last = (await eventsOf(instanceId)).at(-1)!;
      expect(last).toMatchObject({ kind, orderId, inboundRequestId: sent.row.id });
      expect(last.details).toMatchObject({ scene, to: expireAt.toISOString() });
    }
  });

  it("updateInstanceStatus FREEZE and UNFREEZE", async () => {
    const { instanceId } = await newV2Instance();
    const freeze = await v2({ activity: "updateInstanceStatus", instanceId, status: "FREEZE" });
    expect(freeze.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(freeze, TEST_KEYS.basic);
    expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).status).toBe("frozen");
    const unfreeze = await v2({ activity: "updateInstanceStatus", instanceId, status: "UNFREEZE" });
    expect(unfreeze.json).toEqual(SUCCESS);
    expect(await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).toMatchObject({ status: "active", frozenAt: null });
    expect((await eventsOf(instanceId)).map((e) => e.kind)).toEqual(["created", "frozen", "unfrozen"]);
  });

  it("upgradeInstance records the new order and line against the same instance", async () => {
    const { instanceId } = await newV2Instance();
    const orderId = uniqueOrderId();
    const sent = await v2({ activity: "upgradeInstance", instanceId, orderId, orderLineId: `${orderId}-000001` });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.basic);
    expect(sent.row).toMatchObject({ activity: "upgradeInstance", orderId, instanceId });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ orderType: "CHANGE" });
    expect(await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId: `${orderId}-000001` } })).toMatchObject({ orderId });
    expect((await eventsOf(instanceId)).map((e) => [e.kind, e.orderId])).toEqual([["created", expect.any(String)], ["upgraded", orderId]]);
  });

  it("changeInstanceCheck allows a change for a live instance, refuses one for a released instance", async () => {
    const { instanceId } = await newV2Instance();
    const productInfo = { productId: "00301-777777-0--0", skuCode: "sku-small", linearValue: "10" };
    const sent = await v2({ activity: "changeInstanceCheck", instanceId, productInfo });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.basic);
    const events = await eventsOf(instanceId);
    expect(events.at(-1)).toMatchObject({ kind: "change_checked", inboundRequestId: sent.row.id, details: { productInfo } });
    // The marketplace may send productInfo as a string holding the object.
    expect((await v2({ activity: "changeInstanceCheck", instanceId, productInfo: JSON.stringify(productInfo) })).json).toEqual(SUCCESS);

    await v2({ activity: "releaseInstance", instanceId });
    const refused = await v2({ activity: "changeInstanceCheck", instanceId, productInfo });
    expect(refused.json).toEqual({ resultCode: "000003", resultMsg: `instance ${instanceId} was released` });
    expectBodySignedWith(refused, TEST_KEYS.basic);
  });

  it("orderNotify records the order and its line", async () => {
    const orderId = uniqueOrderId();
    const sent = await v2({ activity: "orderNotify", orderId, orderLineId: `${orderId}-000001`, testFlag: "1" });
    expect(sent.body).toBe(JSON.stringify(SUCCESS));
    expectBodySignedWith(sent, TEST_KEYS.basic);
    expect(sent.row).toMatchObject({ activity: "orderNotify", orderId, testFlag: true });
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ testFlag: true });
    expect(await testDb.db.orderLine.findUniqueOrThrow({ where: { orderLineId: `${orderId}-000001` } })).toMatchObject({ orderId });
  });

  it("releaseInstance with the unsubscribe order releases once and records that order", async () => {
    const { instanceId } = await newV2Instance();
    const unsubscribe = uniqueOrderId();
    for (let i = 0; i < 2; i++) {
      const sent = await v2({ activity: "releaseInstance", instanceId, orderId: unsubscribe, orderLineId: `${unsubscribe}-000001` });
      expect(sent.body).toBe(JSON.stringify(SUCCESS));
      expectBodySignedWith(sent, TEST_KEYS.basic);
      expect(sent.row).toMatchObject({ activity: "releaseInstance", instanceId, orderId: unsubscribe });
    }
    expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).status).toBe("released");
    expect(await testDb.db.order.findUniqueOrThrow({ where: { orderId: unsubscribe } })).toMatchObject({ orderType: "UNSUBSCRIBE" });
    expect((await eventsOf(instanceId)).map((e) => [e.kind, e.orderId])).toEqual([["created", expect.any(String)], ["released", unsubscribe]]);
  });

  it("instance activities signed with the License key are accepted (在线开通License products) and answered under it", async () => {
    const orderId = uniqueOrderId();
    const sent = await v2({ activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: crypto.randomUUID() }, TEST_KEYS.licence);
    expect(sent.json.resultCode).toBe("000000");
    expect(sent.row.keyUsed).toBe("licence");
    expectBodySignedWith(sent, TEST_KEYS.licence);
  });
});

describe(`idempotency on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("V1: a repeated newInstance (new businessId, new timeStamp) returns the same instance and the same bytes", async () => {
    const orderId = uniqueOrderId();
    const first = await v1New(orderId);
    const again = await v1New(orderId, { customerName: "changed on retry" });
    expect(again.json.instanceId).toBe(first.json.instanceId);
    expect(again.body).toBe(first.body);
    expectBodySignedWith(again, TEST_KEYS.v1);
    const instanceId = first.json.instanceId as string;
    expect(await testDb.db.instance.count({ where: { orderId } })).toBe(1);
    expect(await createdEvents(instanceId)).toBe(1);
    // The first request's businessId is the one kept; the retry's is never a key.
    const created = await testDb.db.instanceEvent.findFirstOrThrow({ where: { instanceId, kind: "created" } });
    expect(created.inboundRequestId).toBe(first.row.id);
    expect(again.row).toMatchObject({ instanceId, orderId, resultCode: "000000" });
  });

  it("V1: orderId alone is the key for a non-on-demand order, whatever productId the repeat carries", async () => {
    const orderId = uniqueOrderId();
    const first = await v1New(orderId, { productId: "prod-a" });
    const again = await v1New(orderId, { productId: "prod-b" });
    expect(again.json.instanceId).toBe(first.json.instanceId);
    expect(await testDb.db.instance.count({ where: { orderId } })).toBe(1);
  });

  it("V2: orderId + orderLineId is the key: a repeat finds its line, another line of the order gets its own instance", async () => {
    const orderId = uniqueOrderId();
    const first = await v2New(orderId, `${orderId}-000001`);
    const again = await v2New(orderId, `${orderId}-000001`);
    const secondLine = await v2New(orderId, `${orderId}-000002`);
    expect(again.json.instanceId).toBe(first.json.instanceId);
    expect(again.body).toBe(first.body);
    expectBodySignedWith(again, TEST_KEYS.basic);
    expect(secondLine.json.instanceId).not.toBe(first.json.instanceId);
    const rows = await testDb.db.instance.findMany({ where: { orderId }, orderBy: { orderLineId: "asc" } });
    expect(rows.map((r) => [r.orderLineId, r.instanceId])).toEqual([
      [`${orderId}-000001`, first.json.instanceId],
      [`${orderId}-000002`, secondLine.json.instanceId],
    ]);
    expect(await createdEvents(first.json.instanceId as string)).toBe(1);
    expect(await testDb.db.orderLine.count({ where: { orderId } })).toBe(2);
    expect(await testDb.db.order.count({ where: { orderId } })).toBe(1);
  });

  it("on-demand V1 (chargingMode 0): orderId + productId is the key, one instance per product of the order", async () => {
    const orderId = uniqueOrderId();
    const a = await v1New(orderId, { chargingMode: "0", productId: "od-storage" });
    const b = await v1New(orderId, { chargingMode: "0", productId: "od-compute" });
    const aAgain = await v1New(orderId, { chargingMode: "0", productId: "od-storage" });
    expect(b.json.instanceId).not.toBe(a.json.instanceId);
    expect(aAgain.json.instanceId).toBe(a.json.instanceId);
    expect(aAgain.body).toBe(a.body);
    const rows = await testDb.db.instance.findMany({ where: { orderId }, orderBy: { productCode: "asc" } });
    expect(rows.map((r) => [r.dedupeKey, r.chargingMode])).toEqual([
      [`od:${orderId}:od-compute`, "ON_DEMAND"],
      [`od:${orderId}:od-storage`, "ON_DEMAND"],
    ]);
  });

  it("different orders always get different instance ids", async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await v1New(uniqueOrderId())).json.instanceId);
    for (let i = 0; i < 4; i++) {
      const orderId = uniqueOrderId();
      ids.push((await v2New(orderId, `${orderId}-000001`)).json.instanceId);
    }
    expect(new Set(ids).size).toBe(8);
  });

  it("an unknown instance on renew, expire, status, upgrade and release answers 000003 and changes nothing", async () => {
    const ghost = "0123456789abcdef0123456789abcdef";
    const expireTime = formatExpireTime(new Date(Date.now() + 86_400_000));
    const before = await countBusinessRows(deps);
    const v1Calls: Record<string, string>[] = [
      { activity: "refreshInstance", orderId: uniqueOrderId(), instanceId: ghost, expireTime },
      { activity: "expireInstance", orderId: uniqueOrderId(), instanceId: ghost },
      { activity: "instanceStatus", instanceId: ghost, instanceStatus: "FREEZE" },
      { activity: "upgrade", instanceId: ghost, orderId: uniqueOrderId(), skuCode: "sku", productId: "prod" },
      { activity: "releaseInstance", instanceId: ghost, orderId: uniqueOrderId() },
    ];
    for (const params of v1Calls) {
      const sent = await v1(params);
      expect(sent.body, params.activity).toBe(JSON.stringify({ resultCode: "000003", resultMsg: `instance ${ghost} does not exist` }));
      expectBodySignedWith(sent, TEST_KEYS.v1);
      expect(sent.row).toMatchObject({ activity: params.activity, verification: "ok", instanceId: ghost });
    }
    const orderId = uniqueOrderId();
    const v2Calls: Record<string, unknown>[] = [
      { activity: "refreshInstance", scene: "RENEWAL", orderId, orderLineId: `${orderId}-1`, instanceId: ghost, expireTime },
      { activity: "updateInstanceStatus", instanceId: ghost, status: "FREEZE" },
      { activity: "upgradeInstance", instanceId: ghost, orderId, orderLineId: `${orderId}-1` },
      { activity: "releaseInstance", instanceId: ghost },
      { activity: "changeInstanceCheck", instanceId: ghost, productInfo: { skuCode: "x" } },
    ];
    for (const body of v2Calls) {
      const sent = await v2(body);
      expect(sent.body, String(body.activity)).toBe(JSON.stringify({ resultCode: "000003", resultMsg: `instance ${ghost} does not exist` }));
      expectBodySignedWith(sent, TEST_KEYS.basic);
    }
    expect(await countBusinessRows(deps)).toEqual(before);
  });

  it("queryInstance takes up to 100 ids; 101 answer 000002", async () => {
    const known = (await v1New(uniqueOrderId())).json.instanceId as string;
    const fillers = Array.from({ length: 99 }, (_, i) => `missing${String(i).padStart(25, "0")}`);
    const hundred = [...fillers, known].join(",");
    const ok = await v1({ activity: "queryInstance", instanceId: hundred });
    expect(ok.json).toEqual({ resultCode: "000000", resultMsg: "success.", info: [{ instanceId: known, appInfo: { frontEndUrl: DEFAULT_URL } }] });

    const tooMany = `${hundred},one-more`;
    const v1Refused = await v1({ activity: "queryInstance", instanceId: tooMany });
    expect(v1Refused.body).toBe(JSON.stringify({ resultCode: "000002", resultMsg: "queryInstance: instanceId lists 101 instance IDs, more than the limit of 100" }));
    expectBodySignedWith(v1Refused, TEST_KEYS.v1);
    const v2Refused = await v2({ activity: "queryInstance", instanceId: tooMany });
    expect(v2Refused.json).toEqual({ resultCode: "000002", resultMsg: "queryInstance: instanceId lists 101 instance IDs, more than the limit of 100" });
    expectBodySignedWith(v2Refused, TEST_KEYS.basic);
    expect(v2Refused.row).toMatchObject({ verification: "ok", activity: "queryInstance", resultCode: "000002" });

    // A repeated id is answered once.
    const twice = await v2({ activity: "queryInstance", instanceId: `${known}, ${known}` });
    expect((twice.json.info as unknown[]).length).toBe(1);
    // Only unknown ids: nothing to answer about.
    const none = await v2({ activity: "queryInstance", instanceId: "nope1,nope2" });
    expect(none.json).toEqual({ resultCode: "000003", resultMsg: "none of the requested instances exists" });
  });
});

describe(`provisioning on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  afterEach(async () => setDefaultMode("none"));

  it("V2 newInstance for a manual product answers 000004 at once; queryInstance has no appInfo until it is complete", async () => {
    await setDefaultMode("manual");
    const created = await newV2With();
    const instanceId = created.json.instanceId as string;
    expect(created.body).toBe(JSON.stringify({ resultCode: "000004", resultMsg: "request is being processed", instanceId }));
    expectBodySignedWith(created, TEST_KEYS.basic);
    // No point waiting for an operator within the marketplace's 5 s.
    expect(created.row.latencyMs).toBeLessThan(1500);
    expect(await instance(instanceId)).toMatchObject({ status: "provisioning", provisionedAt: null, frontEndUrl: DEFAULT_URL });

    const pending = await v2({ activity: "queryInstance", instanceId });
    expect(pending.body).toBe(JSON.stringify({ resultCode: "000000", resultMsg: "success.", info: [{ instanceId }] }));
    // The marketplace's retry of newInstance is still "in progress", for the same instance.
    const retry = await v2({ activity: "newInstance", orderId: created.row.orderId, orderLineId: `${created.row.orderId}-000001`, businessId: "retry" });
    expect(retry.body).toBe(created.body);

    const completed = await completeInstanceProvisioning(instanceId, { frontEndUrl: "https://acme.example.com/", adminUrl: "https://acme.example.com/admin", ...CREDENTIALS, memo: "初始密码请尽快修改" }, deps);
    expect(completed.status).toBe("active");
    expect(completed.provisionedAt).not.toBeNull();
    // Sealed at rest, never the plain values.
    expect(completed.userNameSealed).not.toContain(CREDENTIALS.userName);
    expect(completed.passwordSealed).not.toContain("S3cret");
    const events = await testDb.db.instanceEvent.findMany({ where: { instanceId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "provisioned"]);
    expect(events[1]!.details).toEqual({ frontEndUrl: "https://acme.example.com/", adminUrl: "https://acme.example.com/admin", userName: true, password: true, previousStatus: "provisioning" });
    expect(JSON.stringify(events[1]!.details)).not.toContain("S3cret");

    // Each answer encrypts under the key that verified its request.
    for (const key of [TEST_KEYS.basic, TEST_KEYS.basicPrevious]) {
      const ready = await v2({ activity: "queryInstance", instanceId }, key);
      expectBodySignedWith(ready, key);
      expect(ready.json).toMatchObject({ resultCode: "000000", resultMsg: "success.", encryptType: "1" });
      const [info] = ready.json.info as { instanceId: string; appInfo: Record<string, string> }[];
      expect(info!.instanceId).toBe(instanceId);
      expect(Object.keys(info!.appInfo)).toEqual(["frontEndUrl", "adminUrl", "userName", "password", "memo"]);
      expect(info!.appInfo).toMatchObject({ frontEndUrl: "https://acme.example.com/", adminUrl: "https://acme.example.com/admin", memo: "初始密码请尽快修改" });
      expect(decrypt(info!.appInfo.userName, key, "1")).toBe(CREDENTIALS.userName);
      expect(decrypt(info!.appInfo.password, key, "1")).toBe(CREDENTIALS.password);
      expect(info!.appInfo.password!.length).toBeLessThanOrEqual(128);
      expect(decryptCredential(info!.appInfo.password!, TEST_KEYS.v1, { encryptTypes: ["1"] }).ok).toBe(false);
    }
    // A newInstance retry now answers the opened instance with its credentials.
    const reopened = await v2({ activity: "newInstance", orderId: created.row.orderId, orderLineId: `${created.row.orderId}-000001`, businessId: "again" });
    expect(reopened.json).toMatchObject({ resultCode: "000000", instanceId, encryptType: "1" });
    expect(decrypt((reopened.json.appInfo as Record<string, string>).userName, TEST_KEYS.basic, "1")).toBe(CREDENTIALS.userName);
  });

  it("V1 newInstance for a manual product answers 000000 with the instance id and front-end URL; credentials follow in queryInstance", async () => {
    const created = await newV1For(MANUAL);
    const instanceId = created.json.instanceId as string;
    expect(created.body).toBe(JSON.stringify({ resultCode: "000000", resultMsg: "success.", instanceId, appInfo: { frontEndUrl: MANUAL_URL } }));
    expectBodySignedWith(created, TEST_KEYS.v1);
    expect(await instance(instanceId)).toMatchObject({ status: "provisioning", encryptType: "2" });
    expect((await v1({ activity: "queryInstance", instanceId })).json).toEqual({ resultCode: "000000", resultMsg: "success.", info: [{ instanceId }] });

    await completeInstanceProvisioning(instanceId, { frontEndUrl: MANUAL_URL, ...CREDENTIALS, memo: "请修改初始密码" }, deps);
    const ready = await v1({ activity: "queryInstance", instanceId });
    expectBodySignedWith(ready, TEST_KEYS.v1);
    // The product asks for AES-128 (encryptType "2").
    expect(ready.json.encryptType).toBe("2");
    const appInfo = (ready.json.info as { appInfo: Record<string, string> }[])[0]!.appInfo;
    expect(decrypt(appInfo.userName, TEST_KEYS.v1, "2")).toBe(CREDENTIALS.userName);
    expect(decrypt(appInfo.password, TEST_KEYS.v1, "2")).toBe(CREDENTIALS.password);
    // V1 answers write non-ASCII as \u escapes (the bytes signed and stored are those), and the
    // marketplace reads the same text back.
    expect(ready.body).toMatch(/^[\x20-\x7e]+$/);
    expect(ready.body).toContain('"memo":"\\u8bf7\\u4fee\\u6539\\u521d\\u59cb\\u5bc6\\u7801"');
    expect(appInfo.memo).toBe("请修改初始密码");
  });

  it("refuses credentials whose ciphertext would exceed 128 characters, saying which and why, and stores nothing", async () => {
    const created = await newV1For(MANUAL);
    const instanceId = created.json.instanceId as string;
    const before = await instance(instanceId);

    const tooLong = await completionError(completeInstanceProvisioning(instanceId, { frontEndUrl: MANUAL_URL, userName: "ok", password: "p".repeat(80) }, deps));
    expect(tooLong.code).toBe("VALIDATION_FAILED");
    expect(tooLong.options.issues).toEqual([
      {
        path: "password",
        code: "instance.credentialTooLong",
        message: "password is 80 bytes in UTF-8 and would encrypt to 144 characters, over the marketplace's limit of 128; at most 79 UTF-8 bytes of plaintext fit",
      },
    ]);
    // The limit is on UTF-8 bytes: 27 Chinese characters are 81 bytes.
    const wide = await completionError(completeInstanceProvisioning(instanceId, { frontEndUrl: MANUAL_URL, userName: "管".repeat(27) }, deps));
    expect(wide.options.issues?.map((i) => [i.path, i.code])).toEqual([["userName", "instance.credentialTooLong"]]);
    const badUrl = await completionError(completeInstanceProvisioning(instanceId, { frontEndUrl: "javascript:alert(1)", password: "" }, deps));
    expect(badUrl.options.issues?.map((i) => [i.path, i.code])).toEqual([["frontEndUrl", "instance.urlInvalid"], ["password", "instance.credentialEmpty"]]);
    expect(await instance(instanceId)).toEqual(before);
    expect(await testDb.db.instanceEvent.count({ where: { instanceId, kind: "provisioned" } })).toBe(0);

    // 79 bytes is the most that fits, and it round-trips.
    await completeInstanceProvisioning(instanceId, { frontEndUrl: MANUAL_URL, password: "p".repeat(79) }, deps);
    const ready = await v1({ activity: "queryInstance", instanceId });
    const password = (ready.json.info as { appInfo: Record<string, string> }[])[0]!.appInfo.password!;
    // 16 (iv) + Base64 of 80 bytes (five AES blocks): one byte more would need a sixth block.
    expect(password).toHaveLength(124);
    expect(decrypt(password, TEST_KEYS.v1, "2")).toBe("p".repeat(79));
  });

  it("refuses to complete an unknown or released instance", async () => {
    expect((await completionError(completeInstanceProvisioning("no-such-instance", { frontEndUrl: MANUAL_URL }, deps))).code).toBe("NOT_FOUND");
    const created = await newV1For(MANUAL);
    await v1({ activity: "releaseInstance", instanceId: created.json.instanceId as string, orderId: created.row.orderId! });
    expect((await completionError(completeInstanceProvisioning(created.json.instanceId as string, { frontEndUrl: MANUAL_URL }, deps))).code).toBe("CONFLICT");
  });

  it("an instance frozen before it was provisioned is unfrozen back to provisioning, not to active", async () => {
    const created = await newV1For(MANUAL);
    const instanceId = created.json.instanceId as string;
    await v1({ activity: "instanceStatus", instanceId, instanceStatus: "FREEZE" });
    await v1({ activity: "instanceStatus", instanceId, instanceStatus: "NORMAL" });
    expect((await instance(instanceId)).status).toBe("provisioning");
    expect((await v1({ activity: "queryInstance", instanceId })).json.info).toEqual([{ instanceId }]);

    // Completed while frozen: it stays frozen, and the unfreeze makes it active.
    await v2({ activity: "updateInstanceStatus", instanceId, status: "FREEZE" });
    await completeInstanceProvisioning(instanceId, { frontEndUrl: MANUAL_URL, ...CREDENTIALS }, deps);
    expect((await instance(instanceId)).status).toBe("frozen");
    await v2({ activity: "updateInstanceStatus", instanceId, status: "UNFREEZE" });
    expect((await instance(instanceId)).status).toBe("active");
  });

  it("debug traffic (testFlag) for a manual product completes at once and is never provisioned for real", async () => {
    const v1Test = await newV1For(MANUAL, { testFlag: "1" });
    expect(v1Test.body).toBe(JSON.stringify({ resultCode: "000000", resultMsg: "success.", instanceId: v1Test.json.instanceId, appInfo: { frontEndUrl: MANUAL_URL } }));
    expect(await instance(v1Test.json.instanceId)).toMatchObject({ status: "active", testFlag: true });
    expect((await instance(v1Test.json.instanceId)).provisionedAt).not.toBeNull();

    await setDefaultMode("manual");
    const v2Test = await newV2With({ testFlag: "1" });
    expect(v2Test.body).toBe(JSON.stringify({ resultCode: "000000", resultMsg: "success.", instanceId: v2Test.json.instanceId, appInfo: { frontEndUrl: DEFAULT_URL } }));
    const event = await testDb.db.instanceEvent.findFirstOrThrow({ where: { instanceId: v2Test.json.instanceId as string, kind: "created" } });
    expect(event.details).toMatchObject({ provisioningMode: "none" });
  });

  it("a webhook product answers with the credentials when provisioning finishes within its synchronous budget", async () => {
    const orderId = uniqueOrderId();
    const answer = v1({ activity: "newInstance", customerId: "cust", businessId: "b", orderId, productId: WEBHOOK, chargingMode: "1" });
    // Plays the provisioning adapter: completes the tenant as soon as the instance exists.
    for (;;) {
      const row = await testDb.db.instance.findFirst({ where: { orderId } });
      if (row) {
        await completeInstanceProvisioning(row.instanceId, { frontEndUrl: "https://hook.example.com/t/acme", ...CREDENTIALS }, deps);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const sent = await answer;
    expect(sent.json).toMatchObject({ resultCode: "000000", encryptType: "1", appInfo: { frontEndUrl: "https://hook.example.com/t/acme" } });
    expect(decrypt((sent.json.appInfo as Record<string, string>).password, TEST_KEYS.v1, "1")).toBe(CREDENTIALS.password);
    expectBodySignedWith(sent, TEST_KEYS.v1);
  });
});

describe(`unknown products on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  afterEach(async () => setDefaultMode("none"));

  it("a V1 newInstance for a product the console does not know is accepted, and the product recorded for review with the defaults", async () => {
    const productId = `unknown-${uniqueOrderId()}`;
    const sent = await newV1For(productId, { skuCode: "sku-new", chargingMode: "3" });
    expect(sent.body).toBe(JSON.stringify({ resultCode: "000000", resultMsg: "success.", instanceId: sent.json.instanceId, appInfo: { frontEndUrl: DEFAULT_URL } }));
    expectBodySignedWith(sent, TEST_KEYS.v1);
    expect(await testDb.db.product.findUniqueOrThrow({ where: { productCode: productId } })).toMatchObject({
      skuCode: "sku-new",
      chargingMode: "ONE_TIME",
      provisioningMode: "none",
      frontEndUrl: DEFAULT_URL,
      needsReview: true,
    });
    expect(await instance(sent.json.instanceId)).toMatchObject({ productCode: productId, status: "active", chargingMode: "ONE_TIME" });
  });

  it("takes the default provisioning mode from the settings", async () => {
    await setDefaultMode("manual");
    const productId = `unknown-${uniqueOrderId()}`;
    const sent = await newV1For(productId);
    expect(sent.json).toEqual({ resultCode: "000000", resultMsg: "success.", instanceId: sent.json.instanceId, appInfo: { frontEndUrl: DEFAULT_URL } });
    expect(await testDb.db.product.findUniqueOrThrow({ where: { productCode: productId } })).toMatchObject({ provisioningMode: "manual", needsReview: true });
    expect((await instance(sent.json.instanceId)).status).toBe("provisioning");
    // A known product keeps its own settings and is not flagged.
    expect(await testDb.db.product.findUniqueOrThrow({ where: { productCode: MANUAL } })).toMatchObject({ needsReview: false });
  });
});
