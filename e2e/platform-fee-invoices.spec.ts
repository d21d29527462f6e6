import { expect, test } from "@playwright/test";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

test("finance requests a platform-fee invoice for a paid bill and sees the negative order forced in", async ({ page }) => {
  // A paid general-product bill with a refund: the simulator's own orders are test orders and never
  // reach a bill, so the console's demo-data use-case stores a purchase and its partial refund.
  const seeded = await page.request.post("/api/invoices/platform-fee/demo-bill", { data: { month: "2023-07" } });
  expect(seeded.status()).toBe(201);
  const { billUuid, orderIds } = (await seeded.json()) as { billUuid: string; orderIds: string[] };
  const refundOrder = orderIds[1]!;

  const template = await page.request.post("/api/invoice-templates", {
    data: { titleType: "enterprise", title: `平台费测试公司 ${Date.now()}`, taxpayerId: "91310000MA1FL1MMXL", invoiceKind: "digital_ordinary", email: "ap@example.com" },
  });
  expect(template.status()).toBe(201);
  const { id: templateId } = (await template.json()) as { id: string };
  expect((await page.request.post(`/api/invoice-templates/${templateId}/activate`)).status()).toBe(200);

  await page.goto("/invoices/platform-fee");
  await page.getByRole("link", { name: "索取平台费发票" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "索取平台费发票" })).toBeVisible();

  const billBox = page.getByRole("checkbox", { name: "选择账单 202307" });
  await expect(billBox).toBeChecked();
  await expect(billBox).toBeDisabled();
  await expect(page.getByTestId("eligible-bill-202307")).toContainText("含负向订单，必选");
  const negativeBox = page.getByRole("checkbox", { name: `负向订单 ${refundOrder}（必选，不可取消）` });
  await expect(negativeBox).toBeChecked();
  await expect(negativeBox).toBeDisabled();
  await expect(page.getByTestId("negative-orders")).toContainText("-¥500.00");
  await expect(page.getByTestId("negative-orders")).toContainText("-¥25.00");
  // 5% of 2,000.00 less 5% of the 500.00 refund.
  await expect(page.getByTestId("net-amount")).toHaveText("¥75.00");

  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/invoices\/platform-fee\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-status")).toHaveText("已申请");
  await expect(page.getByTestId("request-net")).toHaveText("¥75.00");
  await expect(page.getByTestId("request-negative-orders")).toContainText(refundOrder);
  const requestId = page.url().split("/").pop()!;

  // The bill is now in an open request: it cannot be requested again.
  const twice = await page.request.post("/api/invoices/platform-fee", { data: { billUuids: [billUuid], templateId } });
  expect(twice.status()).toBe(409);
  // Returning before the invoice is issued is refused.
  const early = await page.request.post(`/api/invoices/platform-fee/${requestId}/return`, { data: { reason: "抬头有误", credited: false, courier: "顺丰速运", trackingNumber: "SF1234567890" } });
  expect(early.status()).toBe(409);

  await page.getByLabel("发票号码").fill("26442000000012345678");
  await page.getByLabel("开票日期").fill("2026-11-20");
  await page.getByRole("button", { name: "登记已开票" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("已开票");

  await page.getByLabel("发票 PDF 文件").setInputFiles({ name: "not-a-pdf.pdf", mimeType: "application/pdf", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "上传" }).click();
  await expect(page.getByText("该文件不是 PDF。")).toBeVisible();
  await page.getByLabel("发票 PDF 文件").setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传" }).click();
  await expect(page.getByRole("link", { name: /下载 PDF/ })).toBeVisible();
  const pdf = await page.request.get(`/api/invoices/platform-fee/${requestId}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await pdf.body()).equals(PDF)).toBe(true);

  await page.getByLabel("退回原因").fill("发票抬头有误");
  await page.getByLabel("快递公司").fill("顺丰速运");
  await page.getByRole("button", { name: "退回发票" }).click();
  await expect(page.getByText("必填。")).toBeVisible();
  await page.getByLabel("快递单号").fill("SF1234567890");
  await page.getByRole("button", { name: "退回发票" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("已退回");
  await expect(page.getByText(/快递单号: SF1234567890/)).toBeVisible();

  await page.goto("/invoices/platform-fee?status=returned");
  await expect(page.getByTestId("platform-fee-requests")).toContainText("202307");
});
