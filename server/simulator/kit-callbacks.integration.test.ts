import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeBodySign, formatBodySignHeader, verifyKitSignature, verifyV1KitAuthToken } from "@/lib/marketplace/koogallery";
import type { SignedHttpRequest, Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { buyProduct } from "@/server/simulator/buy-product";
import { createInProcessTransport } from "@/server/simulator/in-process-transport";
import { performBuyerAction } from "@/server/simulator/perform-buyer-action";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime, SIM_TEST_KEYS } from "@/server/simulator/simulator-test-setup";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// 联营Kit sync calls (§3.5): bought through the console (which answers the instance callbacks),
// then the kit calls go to a seller endpoint that checks them with the protocol library's own
// verifiers, path, headers and body, as a 联营 seller would.

let testDb: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  await configureSimulatorKeys(deps);
});
afterAll(async () => testDb?.close());

const KIT_SELLER = "http://kit-seller.test/isv/produce";

/** Routes kit calls to a strict fake 联营 seller and everything else to the console. */
const kitSeller = (seen: SignedHttpRequest[]): Transport => {
  const console = createInProcessTransport(deps);
  return async (request, timeout) => {
    if (!request.url.includes("/produceAPI/")) return console({ ...request, url: request.url.replace(KIT_SELLER, CONSOLE_TARGET) }, timeout);
    seen.push(request);
    const path = new URL(request.url).pathname;
    const body = JSON.parse(request.body) as Record<string, unknown>;
    let ok: boolean;
    const v2 = path.startsWith("/isv/produce/produceAPI/v2/");
    if (v2) {
      ok = verifyKitSignature({ signature: request.headers["x-sign"], timestamp: request.headers["x-timestamp"], nonce: request.headers["x-nonce"], body: request.body, keys: [SIM_TEST_KEYS.kit], now: new Date() }).ok;
    } else {
      ok = path.startsWith("/isv/produce/produceAPI/") && verifyV1KitAuthToken(body, request.headers.authToken, SIM_TEST_KEYS.v1).ok;
    }
    const answer = ok ? '{"resultCode":"000000","resultMsg":"Success"}' : '{"resultCode":"000001","resultMsg":"token is invalid"}';
    return {
      kind: "answered",
      status: 200,
      // V1 kit answers carry Body-Sign (§2.3); the V2 sample signs none.
      headers: { "content-type": "application/json", ...(v2 ? {} : { "body-sign": formatBodySignHeader(computeBodySign(answer, SIM_TEST_KEYS.v1)) }) },
      body: answer,
      latencyMs: 1,
    };
  };
};

describe("联营Kit sync calls", () => {
  it.each([
    ["oa-joint-v2", "/produceAPI/v2/"],
    ["oa-joint-v1", "/produceAPI/"],
  ])("%s: tenant, department and user sync reach %s<name>, signed as the marketplace signs them", async (productKey, prefix) => {
    const seen: SignedHttpRequest[] = [];
    const runtime = await inProcessRuntime(deps, { transport: kitSeller(seen) });
    const bought = await buyProduct({ productKey, targetUrl: KIT_SELLER }, runtime);
    expect(bought.deliveries.map((d) => d.state)).toEqual(["succeeded"]);
    for (const action of ["syncTenant", "syncOrgs", "syncUsers"] as const) {
      const outcome = await performBuyerAction({ subscriptionId: bought.subscriptionId, action }, runtime);
      expect(outcome.deliveries.map((d) => [d.state, d.verdict.error])).toEqual([["succeeded", null]]);
    }
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual(["tenantSync", "allOrgSync", "authSync"].map((name) => `/isv/produce${prefix}${name}`));
    const { instanceId, customerId } = await testDb.db.simulatorSubscription.findUniqueOrThrow({ where: { id: bought.subscriptionId } });
    const tenant = JSON.parse(seen[0]!.body) as Record<string, unknown>;
    expect(tenant).toMatchObject({ instanceId, tenantId: customerId, flag: 1, testFlag: 1, timeStamp: expect.stringMatching(/^\d{17}$/) });
    const orgs = JSON.parse(seen[1]!.body) as Record<string, unknown>;
    // V2 sends the tree as a list, V1 as a JSON string (§3.5).
    if (productKey.endsWith("v2")) expect(orgs.orgInfoList).toEqual(expect.arrayContaining([expect.objectContaining({ orgCode: "SIM-HQ", parentCode: "" })]));
    else expect(JSON.parse(orgs.orgInfo as string)).toHaveLength(2);
    const users = JSON.parse(seen[2]!.body) as { userList: { role: string }[] };
    expect(users.userList.map((u) => u.role)).toEqual(["admin", "user"]);
    // Kit calls are not retried by the marketplace (§5).
    const states = await testDb.db.simulatorCallback.findMany({ where: { subscriptionId: bought.subscriptionId, activity: { in: ["tenantSync", "allOrgSync", "authSync"] } } });
    expect(states.every((row) => row.state === "succeeded" && row.nextAttemptAt === null)).toBe(true);
  });

  it("a kit call with a key the seller does not hold fails with the debugging tool's wording, and is not retried", async () => {
    const seen: SignedHttpRequest[] = [];
    const good = await inProcessRuntime(deps, { transport: kitSeller(seen) });
    const bought = await buyProduct({ productKey: "oa-joint-v2", targetUrl: KIT_SELLER }, good);
    const wrongKit = { ...good, keys: { ...good.keys, kit: "not-the-sellers-kit-key" } };
    const outcome = await performBuyerAction({ subscriptionId: bought.subscriptionId, action: "syncTenant" }, wrongKit);
    expect(outcome.deliveries.map((d) => [d.state, d.verdict.error, d.verdict.resultCode])).toEqual([["failed", "调用失败,生产接口resultCode返回错误.", "000001"]]);
  });

  // The console's own gateway verifies and stores 联营Kit calls (server/gateway/kit-callback.ts).
  it("the console itself accepts a correctly signed V2 tenantSync", async () => {
    const runtime = await inProcessRuntime(deps);
    const bought = await buyProduct({ productKey: "oa-joint-v2", targetUrl: CONSOLE_TARGET }, runtime);
    expect(bought.deliveries.map((d) => d.state)).toEqual(["succeeded"]);
    const outcome = await performBuyerAction({ subscriptionId: bought.subscriptionId, action: "syncTenant" }, runtime);
    expect(outcome.deliveries[0]!.verdict.resultCode).toBe("000000");
  });
});
