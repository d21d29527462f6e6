import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { computeKitSignature, formatKitTimestamp } from "@/lib/marketplace/koogallery";

// 联营Kit sync calls over real HTTP, signed with the console's kit key as the marketplace signs
// them (§2.5), then read by an operator on the 联营 Kit page and on the instance's detail page.

const reveal = async (request: APIRequestContext, key: string): Promise<string> => {
  const response = await request.post(`/api/settings/secrets/${key}/reveal`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: string }).value;
};

const sendKit = async (request: APIRequestContext, name: string, body: Record<string, unknown>, key: string) => {
  const text = JSON.stringify(body);
  const nonce = randomBytes(32).toString("hex").toUpperCase();
  const timestamp = String(Date.now());
  const response = await request.post(`/api/koogallery/produceAPI/v2/${name}`, {
    headers: { "content-type": "application/json", "x-sign": computeKitSignature({ accessKey: key, nonce, timestamp, body: text }), "x-nonce": nonce, "x-timestamp": timestamp, cookie: "" },
    data: text,
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { resultCode: string; resultMsg: string };
};

test("kit sync calls are accepted, and operators see the tenant, its departments and users", async ({ page, request }) => {
  const key = await reveal(request, "marketplace.kitAccessKey.current");
  // A real 联营 instance, bought through the simulator (which answers through this console).
  const bought = await request.post("/api/simulator/subscriptions", { data: { productKey: "oa-joint-v2" } });
  expect(bought.status()).toBe(200);
  const { subscriptionId } = (await bought.json()) as { subscriptionId: string };
  const list = (await (await request.get("/api/simulator/subscriptions")).json()) as { subscriptions: { id: string; instanceId: string | null }[] };
  const instanceId = list.subscriptions.find((s) => s.id === subscriptionId)?.instanceId;
  expect(instanceId).toBeTruthy();

  const tenantId = `e2e-tenant-${randomUUID().slice(0, 8)}`;
  const common = { instanceId, tenantId, testFlag: 1, timeStamp: formatKitTimestamp(new Date()) };
  expect(await sendKit(request, "tenantSync", { ...common, orderId: "CS-E2E", tenantCode: "e2eco", name: "端到端测试企业", domainName: "https://e2eco.example.com", flag: 1 }, key)).toEqual({ resultCode: "000000", resultMsg: "Success" });
  expect((await sendKit(request, "allOrgSync", { ...common, orgInfoList: JSON.stringify([{ orgCode: "E2E-HQ", orgName: "总部", parentCode: "" }]) }, key)).resultCode).toBe("000000");
  expect((await sendKit(request, "applicationSync", { ...common, appId: "E2E-APP", clientId: "e2e-client", clientSecret: "cipher-text", flag: 1 }, key)).resultCode).toBe("000000");
  expect((await sendKit(request, "authSync", { ...common, appId: "E2E-APP", currentSyncTime: formatKitTimestamp(new Date()), flag: 1, userList: [{ userName: "e2e.admin", name: "管理员甲", orgCode: "E2E-HQ", role: "admin", enable: "true" }] }, key)).resultCode).toBe("000000");
  expect((await sendKit(request, "tenantSync", { ...common, flag: 1, orderId: "x", tenantCode: "x", name: "x", domainName: "x" }, "wrong-key")).resultCode).toBe("000001");

  // The calls are in the interface message log like every other callback.
  const log = (await (await request.get(`/api/messages?direction=inbound&instanceId=${encodeURIComponent(instanceId!)}&activity=authSync`)).json()) as { messages: { activity: string }[] };
  expect(log.messages.map((m) => m.activity)).toContain("authSync");

  await page.goto(`/kit?tenantId=${tenantId}`);
  const panel = page.getByTestId("kit-panel");
  await expect(panel.getByText("端到端测试企业")).toBeVisible();
  await expect(panel.getByText("e2e.admin")).toBeVisible();
  await expect(panel.getByText("E2E-HQ").first()).toBeVisible();
  await expect(panel.getByText("不持有您的 RSA 私钥")).toBeVisible();
  await expect(panel.getByText("测试", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("cipher-text")).toHaveCount(0);

  await page.goto(`/instances/${encodeURIComponent(instanceId!)}`);
  await expect(page.getByRole("heading", { name: "联营 Kit" })).toBeVisible();
  await expect(page.getByTestId("kit-panel").getByText("管理员甲")).toBeVisible();
});
