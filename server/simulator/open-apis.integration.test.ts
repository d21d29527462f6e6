import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUsagePushRequest, formatUsageTime, signApigRequest } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { buyProduct } from "@/server/simulator/buy-product";
import { activateLicenceCode, licenceCodeHeartbeat } from "@/server/simulator/licence-code-apis";
import type { OpenApiRequest } from "@/server/simulator/open-api-request";
import { queryOrder } from "@/server/simulator/query-order";
import { receiveUsagePush } from "@/server/simulator/receive-usage-push";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime, SIM_TEST_KEYS } from "@/server/simulator/simulator-test-setup";
import { updateSettings } from "@/server/settings/update-settings";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let deps: Deps;
const AK = "SIMAKEXAMPLE0001";
const SK = "sim-secret-key-0123456789";
const BASE = "http://console.test/api/simulator/koogallery/api/mkp-openapi-public/global/v1";

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureSimulatorKeys(deps);
  await updateSettings({ "marketplace.ak": AK, "marketplace.sk": SK }, null, null, deps);
});
afterAll(async () => testDb?.close());

// Signed the way a seller's SDK signs: the simulator verifies the path it was called on.
const signed = (method: "GET" | "POST", url: string, body = "", secretKey = SK): OpenApiRequest => {
  const headers = { "Content-Type": "application/json;charset=UTF-8" };
  const result = signApigRequest({ method, url, headers, body }, { accessKey: AK, secretKey }, new Date());
  return {
    method,
    url,
    headers: Object.fromEntries(Object.entries(result.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
  };
};

describe("order query (§7.1)", () => {
  it("answers the mock orders and the orders the simulator placed, only with a valid AK/SK signature", async () => {
    const mock = await queryOrder(signed("GET", `${BASE}/order/query?orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001`), deps);
    expect(mock).toMatchObject({ status: 200, body: { resultCode: "MKT.0000", orderInfo: { orderId: "MOCKPERIODYEARNEW", orderType: "NEW" } } });

    const bought = await buyProduct({ productKey: "crm-monthly-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const sub = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    const real = await queryOrder(signed("GET", `${BASE}/order/query?orderId=${sub.orderId}`), deps);
    expect(real.body).toMatchObject({
      resultCode: "MKT.0000",
      orderInfo: { orderId: sub.orderId, orderType: "NEW", buyerInfo: { customerId: sub.customerId }, orderLine: [{ orderLineId: sub.orderLineId, chargingMode: "PERIOD", orderAmount: "199.00" }] },
    });

    const unknown = await queryOrder(signed("GET", `${BASE}/order/query?orderId=CSNOSUCHORDER`), deps);
    expect(unknown.body).toMatchObject({ resultCode: "MKT.0199" });
    const wrongSecret = await queryOrder(signed("GET", `${BASE}/order/query?orderId=MOCKONDEMAND`, "", "not-the-secret"), deps);
    expect(wrongSecret).toMatchObject({ status: 401, body: { error_code: "APIGW.0301" } });
    const request = signed("GET", `${BASE}/order/query?orderId=MOCKONDEMAND`);
    const tampered = await queryOrder({ ...request, url: request.url.replace("MOCKONDEMAND", "MOCKONETIMENEW") }, deps);
    expect(tampered.status).toBe(401);
  });
});

describe("usage push (§7.2)", () => {
  it("verifies the header signature and judges each record", async () => {
    const bought = await buyProduct({ productKey: "api-ondemand-v1", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const { instanceId, createdAt } = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    const now = new Date();
    const record = (meteringSn: string, id = instanceId!) => ({
      instanceId: id,
      meteringSn,
      recordTime: now,
      beginTime: createdAt,
      endTime: now,
      usageValue: "12.5",
    });
    const push = (records: ReturnType<typeof record>[], key: string = SIM_TEST_KEYS.basic) => {
      const built = buildUsagePushRequest({ key, records, now });
      if (!built.ok) throw new Error(built.message);
      return receiveUsagePush(
        { method: "POST", url: `${BASE}/isv/usage-data`, headers: Object.fromEntries(Object.entries(built.headers).map(([k, v]) => [k.toLowerCase(), v])), body: built.body },
        deps,
      );
    };
    expect(await push([record("sn-1")])).toEqual({ status: 200, body: { error_code: "MKT.0000", error_msg: "success" } });
    expect(await push([record("sn-2")], "wrong-key")).toMatchObject({ status: 400, body: { error_code: "MKT.0102" } });
    const mixed = await push([record("sn-1"), record("sn-3", "no-such-instance"), record("sn-4")]);
    expect(mixed).toMatchObject({ status: 500, body: { error_code: "MKT.9002", failed_records: [{ metering_sn: "sn-1", error_code: "005" }, { metering_sn: "sn-3", error_code: "001" }] } });
    expect((await testDb.db.simulatorUsageRecord.findMany({ orderBy: { meteringSn: "asc" } })).map((r) => r.meteringSn)).toEqual(["sn-1", "sn-4"]);
    expect(formatUsageTime(now)).toMatch(/Z$/);
  });
});

describe("licence codes (§7.3)", () => {
  it("activates once, then answers the heartbeat with the code's status", async () => {
    const bought = await buyProduct({ productKey: "cad-licence-code-v2", targetUrl: CONSOLE_TARGET }, await inProcessRuntime(deps));
    const { licenceCode } = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    const body = JSON.stringify({ license: licenceCode });
    expect((await licenceCodeHeartbeat(signed("POST", `${BASE}/license/heartbeat`, body), deps)).body).toMatchObject({ error_code: "92020004" });
    const activated = await activateLicenceCode(signed("POST", `${BASE}/license/activate`, body), deps);
    expect(activated.body).toMatchObject({ error_code: "92020000" });
    const info = JSON.parse((activated.body as { data: { license_code_info: string } }).data.license_code_info);
    expect(info).toMatchObject({ status: "ALIVE", order_id: expect.stringMatching(/^CS/) });
    expect((await activateLicenceCode(signed("POST", `${BASE}/license/activate`, body), deps)).body).toMatchObject({ error_code: "92020003" });
    expect((await licenceCodeHeartbeat(signed("POST", `${BASE}/license/heartbeat`, body), deps)).body).toMatchObject({ error_code: "92020000", data: { license_code: licenceCode, status: "ALIVE" } });
    expect((await activateLicenceCode(signed("POST", `${BASE}/license/activate`, JSON.stringify({ license: "SIMLC-NOPE" })), deps)).body).toMatchObject({ error_code: "92020005" });
    expect((await activateLicenceCode(signed("POST", `${BASE}/license/activate`, body, "bad-secret"), deps)).status).toBe(401);
  });
});
