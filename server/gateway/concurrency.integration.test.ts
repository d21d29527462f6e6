import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { configureTestKeys, expectBodySignedWith, sendCallback, TEST_KEYS, uniqueOrderId, v1Request, v2Request } from "@/test/support/marketplace-requests";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// The marketplace retries on its own schedule and the console may run in several processes:
// identical requests arriving at the same moment must still do the work exactly once. Only a
// database constraint can promise that, so these run against PGlite and PostgreSQL alike.

let testDb: TestDatabase;
let deps: Deps;
const ROUNDS = 2;

const all = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const events = (instanceId: string, kind: string) => testDb.db.instanceEvent.count({ where: { instanceId, kind } });

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureTestKeys(deps);
});
afterAll(async () => {
  forgetMarketplaceKeys();
  await testDb?.close();
});

describe(`concurrent callbacks on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("10 identical V2 newInstance at once (distinct nonces) create one instance, and all answer its id", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const orderId = uniqueOrderId();
      const orderLineId = `${orderId}-000001`;
      const sent = await all(10, (i) => sendCallback(v2Request({ activity: "newInstance", orderId, orderLineId, businessId: `business-${i}` }, TEST_KEYS.basic), deps));
      expect(sent.map((s) => s.json.resultCode)).toEqual(Array(10).fill("000000"));
      const instances = await testDb.db.instance.findMany({ where: { orderId } });
      expect(instances).toHaveLength(1);
      const instanceId = instances[0]!.instanceId;
      expect(new Set(sent.map((s) => s.json.instanceId))).toEqual(new Set([instanceId]));
      expect(new Set(sent.map((s) => s.body)).size).toBe(1);
      sent.forEach((s) => expectBodySignedWith(s, TEST_KEYS.basic));
      expect(sent.map((s) => s.row.instanceId)).toEqual(Array(10).fill(instanceId));
      expect(await events(instanceId, "created")).toBe(1);
      expect(await testDb.db.order.count({ where: { orderId } })).toBe(1);
      expect(await testDb.db.orderLine.count({ where: { orderLineId } })).toBe(1);
    }
  });

  it("10 identical V1 newInstance at once create one instance, for a product seen for the first time", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const orderId = uniqueOrderId();
      const productId = `new-product-${orderId}`;
      const sent = await all(10, (i) =>
        sendCallback(v1Request({ activity: "newInstance", customerId: "cust", businessId: `business-${i}`, orderId, productId, chargingMode: "1" }, TEST_KEYS.v1), deps),
      );
      expect(sent.map((s) => s.json.resultCode)).toEqual(Array(10).fill("000000"));
      const instances = await testDb.db.instance.findMany({ where: { orderId } });
      expect(instances).toHaveLength(1);
      expect(new Set(sent.map((s) => s.json.instanceId))).toEqual(new Set([instances[0]!.instanceId]));
      expect(await events(instances[0]!.instanceId, "created")).toBe(1);
      expect(await testDb.db.product.count({ where: { productCode: productId } })).toBe(1);
      expect(await testDb.db.order.count({ where: { orderId } })).toBe(1);
    }
  });

  it("10 identical on-demand V1 newInstance at once create one instance per order and product", async () => {
    const orderId = uniqueOrderId();
    const sent = await all(10, (i) =>
      sendCallback(v1Request({ activity: "newInstance", customerId: "cust", businessId: `b-${i}`, orderId, productId: i % 2 ? "od-a" : "od-b", chargingMode: "0" }, TEST_KEYS.v1), deps),
    );
    expect(sent.every((s) => s.json.resultCode === "000000")).toBe(true);
    const instances = await testDb.db.instance.findMany({ where: { orderId }, orderBy: { productCode: "asc" } });
    expect(instances.map((i) => i.productCode)).toEqual(["od-a", "od-b"]);
    for (const instance of instances) expect(await events(instance.instanceId, "created")).toBe(1);
  });

  it("5 releaseInstance at once all answer 000000 and release once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const orderId = uniqueOrderId();
      const created = await sendCallback(v2Request({ activity: "newInstance", orderId, orderLineId: `${orderId}-1`, businessId: "b" }, TEST_KEYS.basic), deps);
      const instanceId = created.json.instanceId as string;
      const sent = await all(5, (i) =>
        i % 2
          ? sendCallback(v1Request({ activity: "releaseInstance", instanceId, orderId }, TEST_KEYS.v1), deps)
          : sendCallback(v2Request({ activity: "releaseInstance", instanceId }, TEST_KEYS.basic), deps),
      );
      expect(sent.map((s) => s.json)).toEqual(Array(5).fill({ resultCode: "000000", resultMsg: "success." }));
      expect(await events(instanceId, "released")).toBe(1);
      expect((await testDb.db.instance.findUniqueOrThrow({ where: { instanceId } })).status).toBe("released");
    }
  });

  it("the same nonce in 5 requests at once is accepted exactly once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const nonce = crypto.randomUUID().replaceAll("-", "").toUpperCase();
      const orderIds = Array.from({ length: 5 }, () => uniqueOrderId());
      // Different bodies, each correctly signed: only the nonce is shared.
      const sent = await all(5, (i) => sendCallback(v2Request({ activity: "orderNotify", orderId: orderIds[i] }, TEST_KEYS.basic, { nonce }), deps));
      const accepted = sent.filter((s) => s.json.resultCode === "000000");
      const replays = sent.filter((s) => s.json.resultCode === "000002");
      expect(accepted).toHaveLength(1);
      expect(replays).toHaveLength(4);
      replays.forEach((r) => expect(r.row.verification).toBe("replayed-nonce"));
      expect(await testDb.db.order.count({ where: { orderId: { in: orderIds } } })).toBe(1);
      expect(await testDb.db.callbackNonce.count({ where: { nonce } })).toBe(1);
    }
  });
});
