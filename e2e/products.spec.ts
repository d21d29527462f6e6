import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { computeV1AuthToken, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import { signInFresh } from "./fixtures/operators";

// A product of this spec's own, recorded the way every product is: from the first marketplace
// callback that names it (test traffic, so nothing is provisioned).
const PRODUCT = `00301-E2EP${Date.now().toString(36).toUpperCase()}-0--0`;

test.beforeAll(async ({ request }) => {
  const revealed = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
  expect(revealed.status()).toBe(200);
  const v1Key = ((await revealed.json()) as { value: string }).value;
  const params: Record<string, string> = {
    activity: "newInstance",
    customerId: "e2e-products",
    orderId: `CSE2EP${Date.now()}`,
    productId: PRODUCT,
    skuCode: "E2E-SKU-STD",
    chargingMode: "1",
    businessId: randomUUID(),
    testFlag: "1",
    timeStamp: formatV1Timestamp(new Date()),
  };
  params.authToken = computeV1AuthToken(params, v1Key);
  const query = Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
  const answer = await request.get(`/api/koogallery?${query}`, { headers: { cookie: "" } });
  expect((await answer.json()).resultCode).toBe("000000");
});

type Received = { headers: IncomingHttpHeaders; body: string };

// The seller's SaaS, inside the test: records what arrives and answers 200.
const startSaas = async () => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/koogallery/events`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

// A port that was just free: nothing listens there, so a connection is refused.
const closedPort = async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

const productId = async (request: APIRequestContext, code: string) => {
  const response = await request.get("/api/products");
  expect(response.status()).toBe(200);
  const { products } = (await response.json()) as { products: { id: string; productCode: string }[] };
  const product = products.find((candidate) => candidate.productCode === code);
  expect(product, `${code} was recorded`).toBeDefined();
  return product!.id;
};

const verified = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  });

test("the owner switches a product to webhook mode, tests it, rotates its secret and sees the exact error when the SaaS is down", async ({ page }) => {
  const saas = await startSaas();
  const id = await productId(page.request, PRODUCT);
  try {
    await page.goto("/products");
    const row = page.getByTestId(`product-row-${PRODUCT}`);
    await expect(row).toContainText("E2E-SKU-STD");
    await expect(row).toContainText("包周期");
    await expect(row).toContainText("待复核");
    await row.getByRole("button", { name: `编辑 ${PRODUCT}` }).click();
    const form = page.getByRole("form", { name: `${PRODUCT} 的开通设置` });

    // Webhook mode without a URL is refused, and the form says where.
    await form.getByLabel("开通方式", { exact: true }).selectOption("webhook");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("alert")).toHaveText("Webhook 方式的商品需要填写您的 SaaS 接口地址。");
    await form.getByLabel("Webhook 地址", { exact: true }).fill("not a url");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("alert")).toHaveText("请输入您的 SaaS 接口的 http(s) 地址。");

    await form.getByLabel("Webhook 地址", { exact: true }).fill(saas.url);
    await form.getByLabel("Webhook 超时（毫秒）", { exact: true }).fill("2000");
    await form.getByLabel("标记为已复核").check();
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存。");
    await expect(row).toContainText("Webhook 推送");
    await expect(row).toContainText("已复核");
    await expect(row).toContainText(saas.url);

    const secretValue = page.getByTestId("webhook-secret-value");
    await expect(secretValue).toHaveText(/^whsec_•+$/);
    await page.getByRole("button", { name: "显示", exact: true }).click();
    await expect(secretValue).toHaveText(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const secret = (await secretValue.textContent())!;

    await page.getByRole("button", { name: "发送测试事件" }).click();
    const result = page.getByTestId("test-event-result");
    await expect(result).toContainText(/发送成功：HTTP 200，耗时 \d+ 毫秒/);
    await expect(result).toContainText('{"received":true}');
    expect(saas.received).toHaveLength(1);
    expect(saas.received[0]!.headers["webhook-id"]).toMatch(/^msg_test_[0-9a-f]{32}$/);
    expect(verified(secret, saas.received[0]!)).toMatchObject({ type: "test.ping", data: { productCode: PRODUCT } });

    // After a rotation only the new secret verifies.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "轮换" }).click();
    await expect(page.getByText("新密钥——请立即在您的 SaaS 中配置；旧密钥已不再用于签名。")).toBeVisible();
    await expect(secretValue).not.toHaveText(secret);
    const rotated = (await secretValue.textContent())!;
    expect(rotated).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "发送测试事件" }).click();
    await expect(result).toContainText("发送成功：HTTP 200");
    expect(saas.received).toHaveLength(2);
    expect(verified(rotated, saas.received[1]!)).toMatchObject({ type: "test.ping" });
    expect(() => verified(secret, saas.received[1]!)).toThrow();

    const port = await closedPort();
    await form.getByLabel("Webhook 地址", { exact: true }).fill(`http://127.0.0.1:${port}/koogallery/events`);
    await expect(page.getByText("请先保存修改：测试使用已保存的设置。")).toBeVisible();
    await expect(page.getByRole("button", { name: "发送测试事件" })).toBeDisabled();
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存。");
    await page.getByRole("button", { name: "发送测试事件" }).click();
    await expect(result).toContainText(/发送失败，耗时 \d+ 毫秒/);
    await expect(result).toContainText(`错误: could not reach the endpoint: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(saas.received).toHaveLength(2);

    // The cloud metadata service is refused even where internal targets are allowed (as here).
    await form.getByLabel("Webhook 地址", { exact: true }).fill("http://169.254.169.254/latest/meta-data/");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存。");
    await page.getByRole("button", { name: "发送测试事件" }).click();
    await expect(result).toContainText("错误: refused to send to 169.254.169.254: a cloud metadata service address.");

    const audit = await page.request.get(`/api/audit-events?action=product.`);
    const actions = ((await audit.json()) as { events: { action: string; targetId: string | null }[] }).events
      .filter((event) => event.targetId === PRODUCT)
      .map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["product.updated", "product.webhook_secret_revealed", "product.webhook_secret_rotated", "product.test_event_sent"]));
    const stored = (await (await page.request.get("/api/products")).json()) as { products: { id: string; webhookTimeoutMs: number; needsReview: boolean }[] };
    expect(stored.products.find((product) => product.id === id)).toMatchObject({ webhookTimeoutMs: 2000, needsReview: false });
  } finally {
    await saas.close();
  }
});

test("a viewer sees the products but no edit controls, and the API refuses every change", async ({ page, browser }) => {
  const id = await productId(page.request, PRODUCT);
  const accounts = { viewer: `products-viewer-${Date.now()}@e2e.test`, operator: `products-operator-${Date.now()}@e2e.test` };
  for (const [role, email] of Object.entries(accounts)) {
    const created = await page.request.post("/api/operators", { data: { email, displayName: `Products ${role}`, role, password: `${role} password 1` } });
    expect(created.status()).toBe(201);
  }

  const viewer = await signInFresh(browser, accounts.viewer, "viewer password 1");
  await viewer.page.goto("/products");
  await expect(viewer.page.getByTestId(`product-row-${PRODUCT}`)).toBeVisible();
  await expect(viewer.page.getByText("您的角色可以查看商品，但不能修改。")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: /^编辑/ })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: "发送测试事件" })).toHaveCount(0);
  await expect(viewer.page.getByRole("form")).toHaveCount(0);
  for (const [method, path] of [
    ["PATCH", `/api/products/${id}`],
    ["POST", `/api/products/${id}/test-event`],
    ["POST", `/api/products/${id}/webhook-secret`],
    ["POST", `/api/products/${id}/webhook-secret/rotate`],
  ] as const) {
    const response = await viewer.page.request.fetch(path, { method, data: method === "PATCH" ? { provisioningMode: "manual" } : undefined });
    expect(response.status(), `${method} ${path}`).toBe(403);
  }
  await viewer.context.close();

  // An operator may change provisioning but not see or replace the signing secret.
  const operator = await signInFresh(browser, accounts.operator, "operator password 1");
  await operator.page.goto("/products");
  await expect(operator.page.getByRole("button", { name: `编辑 ${PRODUCT}` })).toBeVisible();
  expect((await operator.page.request.post(`/api/products/${id}/webhook-secret`)).status()).toBe(403);
  expect((await operator.page.request.post(`/api/products/${id}/webhook-secret/rotate`)).status()).toBe(403);
  await operator.context.close();

  const after = (await (await page.request.get("/api/products")).json()) as { products: { productCode: string; provisioningMode: string }[] };
  expect(after.products.find((product) => product.productCode === PRODUCT)?.provisioningMode).not.toBe("manual");
});

test("the event page documents every payload, the answer to instance.created and the signature", async ({ page }) => {
  await page.goto("/products");
  await page.getByRole("link", { name: "事件格式与签名说明" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "事件格式" })).toBeVisible();
  for (const type of ["instance.created", "instance.renewed", "instance.upgraded", "instance.frozen", "instance.unfrozen", "instance.released", "license.issued", "test.ping"]) {
    await expect(page.getByRole("heading", { level: 3, name: type, exact: true })).toBeVisible();
  }
  const createdSchema = page.getByLabel("instance.created — JSON Schema");
  await expect(createdSchema).toContainText('"const": "instance.created"');
  await expect(createdSchema).toContainText('"instanceId"');
  await expect(page.getByLabel("instance.created 的答复 — JSON Schema")).toContainText('"frontEndUrl"');
  for (const header of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    await expect(page.locator("dt", { hasText: header })).toBeVisible();
  }
  await expect(page.getByLabel("使用 standardwebhooks 库（Node.js）")).toContainText('import { Webhook } from "standardwebhooks";');
});
