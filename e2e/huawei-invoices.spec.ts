import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { beijingMonthOf } from "@/domain/fees/beijing-month";
import { creditCodeCheckCharacter } from "@/domain/invoices/unified-social-credit-code";
import { computeV1AuthToken, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import { signInFresh, createOperator } from "./fixtures/operators";

const buyV1 = async (request: APIRequestContext, productId: string, amount: string) => {
  const reveal = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
  const key = ((await reveal.json()) as { value: string }).value;
  const params: Record<string, string> = {
    activity: "newInstance",
    customerId: "e2e-huawei-invoice-customer",
    orderId: `CSHW${Date.now()}`,
    productId,
    businessId: randomUUID(),
    orderAmount: amount,
    chargingMode: "1",
    timeStamp: formatV1Timestamp(new Date()),
  };
  params.authToken = computeV1AuthToken(params, key);
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  const answer = await request.get(`/api/koogallery?${query}`, { headers: { cookie: "" } });
  expect((await answer.json()).resultCode).toBe("000000");
};

const first17 = "91440300708461136";
const HUAWEI_TAX_ID = first17 + creditCodeCheckCharacter(first17)!;
const WRONG_TAX_ID = first17 + (creditCodeCheckCharacter(first17) === "0" ? "1" : "0");

test("finance opens the checklist of a 待开票 joint-operation bill, sees the split and remark, and records the invoices", async ({ page, browser }) => {
  // Demo data: two joint-operation products (10% platform fee) sold this month, a joint bill generated and moved to 待开票.
  const stamp = Date.now();
  const software = `E2EHWSW${stamp}`;
  const service = `E2EHWSV${stamp}`;
  for (const code of [software, service]) {
    const terms = await page.request.put(`/api/fees/products/${code}`, { data: { category: "joint", platformFeePercent: "10" } });
    expect(terms.status()).toBe(200);
  }
  await buyV1(page.request, software, "1000.00");
  await buyV1(page.request, service, "2000.00");
  const month = beijingMonthOf(new Date());
  const generated = await page.request.post("/api/bills", { data: { month, category: "joint" } });
  expect(generated.status()).toBe(200);
  const { uuid } = (await generated.json()) as { uuid: string };
  expect((await page.request.put(`/api/bills/${uuid}/status`, { data: { status: "awaiting_invoice" } })).status()).toBe(200);

  const finance = await createOperator(page.request, "finance", "huawei invoices");
  const { context, page: financePage } = await signInFresh(browser, finance.email, finance.password);
  await financePage.goto("/invoices");
  await expect(financePage.getByRole("heading", { level: 1, name: "发票", exact: true })).toBeVisible();
  await financePage.getByRole("navigation", { name: "发票分类" }).getByRole("link", { name: "给华为云开票" }).click();
  await expect(financePage).toHaveURL(/\/invoices\/huawei$/);
  const row = financePage.getByTestId(`huawei-bill-${month.replace("-", "")}-joint`);
  await expect(row).toContainText("¥2,700.00");
  await expect(row.getByTestId("deadline-badge")).toContainText(/天后到期/);
  await row.getByRole("link", { name: month.replace("-", "") }).click();

  await expect(financePage.getByRole("button", { name: "打印开票清单" })).toBeDisabled();
  await financePage.getByLabel("申付单号").fill("SF2026E2E0001");
  await financePage.getByLabel("对账期次").fill("2026年11月");
  await financePage.getByLabel(`${software} 的税率`).fill("13");
  await financePage.getByLabel(`${service} 的税率`).fill("6");
  await financePage.getByRole("button", { name: "保存清单" }).click();
  await expect(financePage.getByTestId("checklist-remark")).toHaveText("申付单号：SF2026E2E0001；对账期次：2026年11月");
  await expect(financePage.getByTestId("checklist-amount")).toHaveText("¥2,700.00");
  await expect(financePage.getByTestId("split-6")).toContainText("¥1,800.00");
  await expect(financePage.getByTestId("split-6")).toContainText("¥1,698.11");
  await expect(financePage.getByTestId("split-6")).toContainText("¥101.89");
  await expect(financePage.getByTestId("split-13")).toContainText("¥900.00");
  await expect(financePage.getByTestId("split-13")).toContainText("¥796.46");
  await expect(financePage.getByTestId("split-13")).toContainText("¥103.54");

  // The Huawei buyer's taxpayer ID is not known until finance confirms it; a wrong one is refused.
  await expect(financePage.getByTestId("buyer-problems")).toContainText("纳税人识别号");
  await financePage.getByRole("button", { name: "编辑" }).click();
  await financePage.getByLabel("纳税人识别号").fill(WRONG_TAX_ID);
  await financePage.getByRole("button", { name: "保存购买方信息" }).click();
  await expect(financePage.getByText("统一社会信用代码校验位不正确，请核对。")).toBeVisible();
  await financePage.getByLabel("纳税人识别号").fill(HUAWEI_TAX_ID);
  await financePage.getByRole("button", { name: "保存购买方信息" }).click();
  await expect(financePage.getByTestId("huawei-buyer")).toContainText(HUAWEI_TAX_ID);
  await expect(financePage.getByRole("button", { name: "打印开票清单" })).toBeEnabled();

  await financePage.getByLabel("发票号码").first().fill("abc");
  await financePage.getByLabel("开票日期").first().fill("2026-11-28");
  await financePage.getByRole("button", { name: "登记发票" }).first().click();
  await expect(financePage.getByText("发票号码应为 8 到 20 位数字。")).toBeVisible();
  const six = financePage.getByTestId("invoice-row-6");
  await six.getByLabel("发票号码").fill("26442000000000000006");
  await six.getByRole("button", { name: "登记发票" }).click();
  await expect(six).toContainText("已登记：26442000000000000006");
  const thirteen = financePage.getByTestId("invoice-row-13");
  await thirteen.getByLabel("发票号码").fill("26442000000000000013");
  await thirteen.getByLabel("开票日期").fill("2026-11-28");
  await thirteen.getByRole("button", { name: "登记发票" }).click();
  await expect(financePage.getByTestId("split-13")).toContainText("26442000000000000013");
  await expect(financePage.getByText("已全部开票").first()).toBeVisible();

  await financePage.goto("/invoices/huawei");
  await expect(financePage.getByTestId(`huawei-bill-${month.replace("-", "")}-joint`)).toContainText("2 / 2");
  await expect(financePage.getByTestId(`huawei-bill-${month.replace("-", "")}-joint`)).toContainText("已全部开票");
  await context.close();

  const viewer = await createOperator(page.request, "viewer", "huawei invoices");
  const viewerSession = await signInFresh(browser, viewer.email, viewer.password);
  await viewerSession.page.goto(`/invoices/huawei/${uuid}`);
  await expect(viewerSession.page.getByTestId("checklist-remark")).toHaveText("申付单号：SF2026E2E0001；对账期次：2026年11月");
  await expect(viewerSession.page.getByRole("button", { name: "保存清单" })).toHaveCount(0);
  await expect(viewerSession.page.getByRole("button", { name: "登记发票" })).toHaveCount(0);
  await expect(viewerSession.page.getByRole("button", { name: "编辑" })).toHaveCount(0);
  const denied = await viewerSession.page.request.post(`/api/invoices/huawei/${uuid}/invoices`, {
    data: { taxRatePercent: "6", invoiceNumber: "12345678", invoiceDate: "2026-11-28" },
  });
  expect(denied.status()).toBe(403);
  await viewerSession.context.close();
});
