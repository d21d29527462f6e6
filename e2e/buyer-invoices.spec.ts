import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { creditCodeCheckCharacter } from "@/domain/invoices/unified-social-credit-code";
import { computeV1AuthToken, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import { signInFresh, createOperator } from "./fixtures/operators";

// A real (non-test) V1 purchase through the gateway: the order the buyer asks an invoice for.
const buyV1 = async (request: APIRequestContext, amount: string): Promise<string> => {
  const reveal = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
  const key = ((await reveal.json()) as { value: string }).value;
  const orderId = `CSBI${Date.now()}`;
  const params: Record<string, string> = {
    activity: "newInstance",
    customerId: "e2e-buyer-invoice-customer",
    orderId,
    productId: `E2EBI${Date.now()}`,
    businessId: randomUUID(),
    orderAmount: amount,
    chargingMode: "1",
    timeStamp: formatV1Timestamp(new Date()),
  };
  params.authToken = computeV1AuthToken(params, key);
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  const answer = await request.get(`/api/koogallery?${query}`, { headers: { cookie: "" } });
  expect((await answer.json()).resultCode).toBe("000000");
  return orderId;
};

const first17 = "91310000132149237";
const BUYER_TAX_ID = first17 + creditCodeCheckCharacter(first17)!;

test("finance walks a buyer invoice request to 已完成 and returns it; the refund is blocked meanwhile; a viewer sees no actions", async ({ page, browser }) => {
  const orderId = await buyV1(page.request, "1280.00");
  const finance = await createOperator(page.request, "finance", "buyer invoices");
  const { context, page: financePage } = await signInFresh(browser, finance.email, finance.password);

  await financePage.goto("/invoices");
  await financePage.getByRole("navigation", { name: "发票分类" }).getByRole("link", { name: "给用户开票" }).click();
  await expect(financePage).toHaveURL(/\/invoices\/buyer$/);
  await financePage.getByRole("button", { name: "录入开票申请" }).click();
  await financePage.getByLabel("订单号").first().fill(orderId);
  await financePage.getByLabel("抬头类型").selectOption("individual");
  await financePage.getByLabel("发票类型").selectOption("special_digital");
  await financePage.getByLabel("发票抬头").fill("上海示例信息技术有限公司");
  await financePage.getByLabel("接收邮箱").fill("ap@example.cn");
  await financePage.getByRole("button", { name: "录入", exact: true }).click();
  await expect(financePage.getByText("专用发票仅限企业抬头。", { exact: true })).toBeVisible();
  await financePage.getByLabel("抬头类型").selectOption("enterprise");
  await financePage.getByLabel("纳税人识别号").fill(BUYER_TAX_ID);
  await financePage.getByRole("button", { name: "录入", exact: true }).click();

  await expect(financePage).toHaveURL(/\/invoices\/buyer\/[0-9a-f-]{36}$/);
  const requestUrl = financePage.url();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("待审核");
  await expect(financePage.getByTestId("bi-amount")).toHaveText("¥1,280.00");
  await expect(financePage.getByTestId("refund-verdict")).toContainText("请先驳回该申请再退订");

  await financePage.getByRole("button", { name: "审核通过" }).click();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("待开票");
  await financePage.getByLabel("发票号码").fill("26312000000000012345");
  await financePage.getByLabel("开票日期").fill("2026-11-28");
  await financePage.getByRole("button", { name: "开票" }).click();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("待签收");
  await expect(financePage.getByTestId("refund-verdict")).toContainText("须先退票才能退订");
  await financePage.getByRole("button", { name: "签收" }).click();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("已完成");

  // The order detail says why its refund is blocked.
  await financePage.goto(`/orders/${orderId}`);
  await expect(financePage.getByTestId("refund-verdict")).toContainText("26312000000000012345");
  await expect(financePage.getByTestId("refund-verdict")).toContainText("须先退票才能退订");

  // A viewer reads the request but has no action buttons, and the API refuses.
  const viewer = await createOperator(page.request, "viewer", "buyer invoices");
  const viewerSession = await signInFresh(browser, viewer.email, viewer.password);
  await viewerSession.page.goto(requestUrl);
  await expect(viewerSession.page.getByTestId("buyer-invoice-status")).toHaveText("已完成");
  for (const name of ["退票", "审核通过", "驳回", "开票", "签收"]) {
    await expect(viewerSession.page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  await viewerSession.page.goto("/invoices/buyer");
  await expect(viewerSession.page.getByTestId(`buyer-invoice-${orderId}`)).toContainText("已完成");
  await expect(viewerSession.page.getByRole("button", { name: "录入开票申请" })).toHaveCount(0);
  const denied = await viewerSession.page.request.post(`${requestUrl.replace("/invoices/buyer/", "/api/invoices/buyer/")}/actions`, {
    data: { action: "return", reason: "viewer" },
  });
  expect(denied.status()).toBe(403);
  await viewerSession.context.close();

  // Return: a reason is required.
  await financePage.goto(requestUrl);
  await financePage.getByRole("button", { name: "退票" }).click();
  await expect(financePage.getByText("请填写原因。", { exact: true })).toBeVisible();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("已完成");
  await financePage.getByLabel("原因").fill("买家申请退订");
  await financePage.getByRole("button", { name: "退票" }).click();
  await expect(financePage.getByTestId("buyer-invoice-status")).toHaveText("已退票");
  await expect(financePage.getByTestId("refund-verdict")).toContainText("发票不阻止退订");
  await expect(financePage.getByRole("button", { name: "退票" })).toHaveCount(0);
  await expect(financePage.getByTestId("buyer-invoice-history")).toContainText("买家申请退订");
  await financePage.goto(`/orders/${orderId}`);
  await expect(financePage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(financePage.getByTestId("refund-verdict")).toHaveCount(0);
  await context.close();
});
