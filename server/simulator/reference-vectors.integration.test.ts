import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { receiveCallback } from "@/server/gateway/receive-callback";
import { updateSettings } from "@/server/settings/update-settings";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// The console's verification held to the spec's reference requests directly — built here by
// hand from the spec's text, not by the simulator — so that the simulator and the gateway are
// each checked against the vectors, never only against each other (signed-request.test.ts does
// the same for the simulator's signing).

let testDb: TestDatabase;
let deps: Deps;
let clock = new Date();

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db, () => clock);
  // The spec's placeholder key; the settings catalogue needs ≥ 6 printable characters.
  await updateSettings({ "marketplace.v1Key": "xxxxxxx", "marketplace.basicAccessKey.current": "xxxxxxx" }, null, null, deps);
  forgetMarketplaceKeys();
});
afterAll(async () => testDb?.close());

const send = (method: "GET" | "POST", query: string, body = "") =>
  receiveCallback(
    {
      method,
      path: "/api/koogallery",
      query,
      headers: new Headers(method === "POST" ? { "content-type": "application/json" } : {}),
      body: Buffer.from(body),
      bodySize: Buffer.byteLength(body),
      bodyTruncated: false,
      clientIp: null,
      receivedAt: clock,
    },
    deps,
  );

describe("the gateway accepts the spec's reference requests", () => {
  it("V1 authToken vector (§2.2): Gzbfjf9L… verifies", async () => {
    clock = new Date(Date.UTC(2020, 6, 27, 7, 37, 12));
    const query =
      "activity=newInstance&businessId=61e834ba-7b97-4418-b8f7-e5345137278c&customerId=68cbc86abc2018ab880d92f36422fa0e" +
      "&expireTime=20200727153156&orderId=CS1906666666ABCDE&productId=00301-666666-0--0&testFlag=1&timeStamp=20200727073711903" +
      "&authToken=Gzbfjf9LHRBcI3bFVi%2B%2BsLinCNOBF6qa7is1fvjEgYQ%3D";
    const answer = JSON.parse((await send("GET", query)).body);
    expect(answer.resultCode).toBe("000000");
    const row = await testDb.db.inboundRequest.findFirstOrThrow({ where: { orderId: "CS1906666666ABCDE" } });
    expect(row.verification).toBe("ok");
    // One character off and it is refused.
    const tampered = JSON.parse((await send("GET", query.replace("testFlag=1", "testFlag=0"))).body);
    expect(tampered.resultCode).toBe("000001");
  });

  it("V2 signature vector (§2.4): 5CBA99CD… at timestamp 1680508066618 verifies", async () => {
    clock = new Date(1680508066618 + 1_000);
    const body =
      '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}';
    const query =
      "signature=5CBA99CDFD4BE412EF7EE87ACCF419ACFC21297AE13A457E8776A5D0693AE907&timestamp=1680508066618" +
      "&nonce=50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
    const answer = JSON.parse((await send("POST", query, body)).body);
    expect(answer.resultCode).toBe("000000");
    const tampered = JSON.parse((await send("POST", query.replace("nonce=50D8", "nonce=60D8"), body)).body);
    expect(tampered.resultCode).toBe("000001");
  });
});
