import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { computeV1AuthToken, computeV2Signature, formatV1Timestamp, verifyBodySign } from "@/lib/marketplace/koogallery";

// The marketplace's side of the wire, over real HTTP against the production build.
const reveal = async (request: APIRequestContext, key: string): Promise<string> => {
  const response = await request.post(`/api/settings/secrets/${key}/reveal`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: string }).value;
};

const v1Url = (params: Record<string, string>, key: string) => {
  const signed: Record<string, string> = { ...params, timeStamp: formatV1Timestamp(new Date()) };
  signed.authToken = computeV1AuthToken(signed, key);
  // As the marketplace sends it: every value percent-encoded, so "+" in the token arrives as %2B.
  return `/api/koogallery?${Object.entries(signed).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
};

const v2Post = (request: APIRequestContext, body: string, key: string, contentType = "application/json") => {
  const nonce = randomBytes(32).toString("hex").toUpperCase();
  const timestamp = String(Date.now());
  let signature: string;
  try {
    signature = computeV2Signature({ accessKey: key, nonce, timestamp, body }).toUpperCase();
  } catch {
    // A body that is not JSON cannot be signed at all; the gateway must refuse it either way.
    signature = "0".repeat(64);
  }
  return request.post(`/api/koogallery?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
    data: Buffer.from(body),
    headers: { "content-type": contentType, cookie: "" },
  });
};

test.describe("marketplace callback gateway over HTTP", () => {
  let v1Key: string;
  let basicKey: string;

  test.beforeAll(async ({ request }) => {
    v1Key = await reveal(request, "marketplace.v1Key");
    basicKey = await reveal(request, "marketplace.basicAccessKey.current");
  });

  test("V1 newInstance is answered with a signed JSON body, idempotently", async ({ request }) => {
    const orderId = `CSE2EV1${Date.now()}`;
    const params = { activity: "newInstance", customerId: "e2e-customer", orderId, productId: "00301-E2E-0--0", businessId: randomUUID(), testFlag: "1" };
    const first = await request.get(v1Url(params, v1Key), { headers: { cookie: "" } });
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("application/json");
    const body = await first.text();
    expect(verifyBodySign({ body, header: first.headers()["body-sign"], key: v1Key }).ok).toBe(true);
    const answer = JSON.parse(body);
    expect(answer).toMatchObject({ resultCode: "000000", appInfo: { frontEndUrl: expect.stringMatching(/^https?:\/\//) } });

    const again = await request.get(v1Url({ ...params, businessId: randomUUID() }, v1Key), { headers: { cookie: "" } });
    expect((await again.json()).instanceId).toBe(answer.instanceId);
  });

  test("V2 newInstance, queryInstance and releaseInstance round-trip", async ({ request }) => {
    const orderId = `CSE2EV2${Date.now()}`;
    const created = await v2Post(request, JSON.stringify({ activity: "newInstance", businessId: randomUUID(), orderId, orderLineId: `${orderId}-000001`, testFlag: "1" }), basicKey);
    const createdBody = await created.text();
    expect(verifyBodySign({ body: createdBody, header: created.headers()["body-sign"], key: basicKey }).ok).toBe(true);
    const { instanceId, resultCode } = JSON.parse(createdBody);
    expect(resultCode).toBe("000000");

    const queried = await (await v2Post(request, JSON.stringify({ activity: "queryInstance", instanceId, testFlag: "1" }), basicKey)).json();
    expect(queried).toMatchObject({ resultCode: "000000", info: [{ instanceId }] });

    for (let i = 0; i < 2; i++) {
      const released = await (await v2Post(request, JSON.stringify({ activity: "releaseInstance", instanceId, testFlag: "1" }), basicKey)).json();
      expect(released.resultCode).toBe("000000");
    }
    const unknown = await (await v2Post(request, JSON.stringify({ activity: "releaseInstance", instanceId: "no-such-instance" }), basicKey)).json();
    expect(unknown.resultCode).toBe("000003");
  });

  test("bad requests get the marketplace's result codes as JSON, never an error page", async ({ request }) => {
    const body = JSON.stringify({ activity: "newInstance", businessId: randomUUID(), orderId: "CSBAD", orderLineId: "CSBAD-1" });
    const cases: { name: string; send: () => Promise<import("@playwright/test").APIResponse>; code: string }[] = [
      { name: "wrong key", send: () => v2Post(request, body, "not-the-key-at-all"), code: "000001" },
      { name: "no signature", send: () => request.post("/api/koogallery", { data: body, headers: { "content-type": "application/json", cookie: "" } }), code: "000002" },
      { name: "text/plain", send: () => v2Post(request, body, basicKey, "text/plain"), code: "000002" },
      { name: "malformed JSON", send: () => v2Post(request, "{activity:", basicKey), code: "000002" },
      { name: "70 KiB body", send: () => v2Post(request, JSON.stringify({ activity: "orderNotify", orderId: "X", pad: "x".repeat(70 * 1024) }), basicKey), code: "000002" },
      { name: "kit sync call without x-sign headers", send: () => request.post("/api/koogallery/produceAPI/v2/tenantSync", { data: "{}", headers: { "content-type": "application/json", cookie: "" } }), code: "000002" },
      { name: "V1 bad token", send: () => request.get("/api/koogallery?activity=newInstance&timeStamp=20261128000000000&authToken=AAAA", { headers: { cookie: "" } }), code: "000001" },
    ];
    for (const c of cases) {
      const response = await c.send();
      expect(response.status(), c.name).toBe(200);
      expect(response.headers()["content-type"], c.name).toBe("application/json");
      expect((await response.json()).resultCode, c.name).toBe(c.code);
    }
  });

  test("the dashboard counts the callbacks and instances", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "云商店回调（24 小时）" })).toBeVisible();
    expect(Number(await page.getByTestId("callbacks-total").textContent())).toBeGreaterThan(10);
    expect(Number(await page.getByTestId("instances-active").textContent())).toBeGreaterThan(0);
    expect(Number(await page.getByTestId("instances-released").textContent())).toBeGreaterThan(0);
  });
});
