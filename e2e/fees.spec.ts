import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import ExcelJS from "exceljs";
import { addMonths, beijingMonthOf } from "@/domain/fees/beijing-month";
import { computeV1AuthToken, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import { signInFresh, createOperator } from "./fixtures/operators";

// Real (non-test) V1 purchases through the gateway, so the report reads orders as the console stores them.
const buyV1 = async (request: APIRequestContext, productId: string, amount: string, count: number) => {
  const reveal = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
  const key = ((await reveal.json()) as { value: string }).value;
  for (let i = 0; i < count; i++) {
    const params: Record<string, string> = {
      activity: "newInstance",
      customerId: "e2e-fee-customer",
      orderId: `CSFEE${Date.now()}${i}`,
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
  }
};

test("finance opens the fee report, switches month, sees the chart and the tier gap, and exports the table", async ({ page, browser }) => {
  const product = `E2EFEE${Date.now()}`;
  await buyV1(page.request, product, "150000.00", 3);
  const finance = await createOperator(page.request, "finance", "fees");
  const { context, page: financePage } = await signInFresh(browser, finance.email, finance.password);
  const month = beijingMonthOf(new Date());

  await financePage.goto("/fee-reports");
  await expect(financePage.getByRole("heading", { name: "平台费报表" })).toBeVisible();
  const table = financePage.getByTestId("fee-table");
  await expect(table.getByRole("row", { name: new RegExp(product) })).toContainText("¥450,000.00");
  // 450,000 of 500,000: 50,000 more moves the whole month to 96%, worth 500,000 × 1%.
  await expect(financePage.getByTestId(`tier-gap-${product}`)).toContainText("再售出 ¥50,000.00");
  await expect(financePage.getByTestId(`tier-gap-${product}`)).toContainText("节省 ¥5,000.00");
  await expect(financePage.getByRole("progressbar", { name: new RegExp(product) })).toHaveAttribute("aria-valuenow", "90");
  const chart = financePage.getByRole("img", { name: new RegExp(`近 12 个月：${product}`) });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text", { hasText: "门槛 ¥500,000.00" })).toHaveCount(1);

  await financePage.getByRole("button", { name: "上个月" }).click();
  await expect(financePage).toHaveURL(new RegExp(`month=${addMonths(month, -1)}`));
  await expect(financePage.getByText(`${addMonths(month, -1)} 按商品`)).toBeVisible();
  await expect(financePage.getByText("本月距下一档位")).toHaveCount(0);
  await financePage.getByRole("button", { name: "本月" }).click();
  await expect(financePage.getByTestId(`tier-gap-${product}`)).toBeVisible();

  const downloading = financePage.waitForEvent("download");
  await financePage.getByRole("link", { name: "导出 CSV（可用 Excel 打开）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`fee-report-${month}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toBe("\ufeffmonth,product_code,product_name,category,lines,paid,refunds,net,tier_amount,tier,seller_share_percent,settlement,platform_fee");
  expect(csv).toContain(`${month},${product},,general,3,450000.00,0.00,450000.00,450000.00,1,95,427500.00,22500.00`);

  const downloadingXlsx = financePage.waitForEvent("download");
  await financePage.getByRole("link", { name: "导出 Excel" }).click();
  const xlsx = await downloadingXlsx;
  expect(xlsx.suggestedFilename()).toBe(`fee-report-${month}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const rows = (workbook.worksheets[0]!.getSheetValues().slice(1) as unknown as unknown[][]).map((row) => row.slice(1));
  expect(rows[0]).toEqual(["month", "product_code", "product_name", "category", "lines", "paid", "refunds", "net", "tier_amount", "tier", "seller_share_percent", "settlement", "platform_fee"]);
  expect(rows.find((row) => row[1] === product)).toEqual([month, product, "", "general", 3, 450000, 0, 450000, 450000, 1, 95, 427500, 22500]);
  expect(rows.find((row) => row[0] === month && row[1] === "TOTAL")).toBeTruthy();
  await context.close();
});

test("a viewer can read a bill but not change its status; finance can", async ({ page, browser }) => {
  const month = beijingMonthOf(new Date());
  const generated = await page.request.post("/api/bills", { data: { month, category: "general" } });
  expect(generated.status()).toBe(200);
  const { uuid } = (await generated.json()) as { uuid: string };

  const viewer = await createOperator(page.request, "viewer", "fees");
  const { context, page: viewerPage } = await signInFresh(browser, viewer.email, viewer.password);
  await viewerPage.goto(`/bills/${uuid}`);
  await expect(viewerPage.getByText(`账单 ${month.replace("-", "")}（通用商品）`)).toBeVisible();
  await expect(viewerPage.getByTestId("bill-status")).toHaveText("会签中");
  await expect(viewerPage.getByText("您的角色只能查看账单状态。")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "更新状态" })).toHaveCount(0);
  await expect(viewerPage.getByLabel("新状态")).toHaveCount(0);
  await expect(viewerPage.getByLabel("账单明细文件")).toHaveCount(0);
  const denied = await viewerPage.request.put(`/api/bills/${uuid}/status`, { data: { status: "paid" } });
  expect(denied.status()).toBe(403);
  const regenerate = await viewerPage.request.post("/api/bills", { data: { month, category: "general" } });
  expect(regenerate.status()).toBe(403);
  await context.close();

  const finance = await createOperator(page.request, "finance", "fees");
  const financeSession = await signInFresh(browser, finance.email, finance.password);
  await financeSession.page.goto(`/bills/${uuid}`);
  await financeSession.page.getByLabel("新状态").selectOption("awaiting_payment_request");
  await financeSession.page.getByLabel("备注（可选）").fill("会签通过");
  await financeSession.page.getByRole("button", { name: "更新状态" }).click();
  await expect(financeSession.page.getByTestId("bill-status")).toHaveText("待申付");
  await expect(financeSession.page.getByTestId("bill-history").getByRole("row", { name: /会签通过/ })).toContainText(finance.email);
  await financeSession.context.close();

  const after = (await (await page.request.get(`/api/bills/${uuid}`)).json()) as { status: string };
  expect(after.status).toBe("awaiting_payment_request");
});

test("finance exports a bill to Excel and reconciles the marketplace's .xlsx detail", async ({ page, browser }, testInfo) => {
  const product = `E2EXLSX${Date.now()}`;
  await buyV1(page.request, product, "1000.00", 2);
  const month = beijingMonthOf(new Date());
  const generated = await page.request.post("/api/bills", { data: { month, category: "general" } });
  expect(generated.status()).toBe(200);
  const { uuid } = (await generated.json()) as { uuid: string };

  const finance = await createOperator(page.request, "finance", "fees");
  const { context, page: financePage } = await signInFresh(browser, finance.email, finance.password);
  await financePage.goto(`/bills/${uuid}`);
  const downloading = financePage.waitForEvent("download");
  await financePage.getByRole("link", { name: "导出明细 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bill-${month.replace("-", "")}-general.xlsx`);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile((await download.path())!);
  const rows = (exported.worksheets[0]!.getSheetValues().slice(1) as unknown as unknown[][]).map((row) => row.slice(1));
  expect(rows[0]).toEqual(["order_id", "product_code", "kind", "attributed_at", "amount", "platform_fee_percent", "platform_fee", "settlement"]);
  const mine = rows.filter((row) => row[1] === product);
  expect(mine).toHaveLength(2);
  for (const row of mine) expect([row[2], row[4], row[6], row[7]]).toEqual(["new", 1000, 50, 950]);

  // The marketplace's detail: Chinese headers, every line of the bill, one of ours with a fee 1 fen off.
  const planted = String(mine[0]![0]);
  const theirs = new ExcelJS.Workbook();
  const sheet = theirs.addWorksheet("明细");
  sheet.addRow(["订单号", "交易金额", "平台服务费", "应结算金额"]);
  for (const row of rows.slice(1)) sheet.addRow([row[0], row[4], row[0] === planted ? 50.01 : row[6], row[7]]);
  const file = testInfo.outputPath("marketplace-bill.xlsx");
  await theirs.xlsx.writeFile(file);
  await financePage.getByLabel("账单明细文件").setInputFiles(file);
  await expect(financePage.getByText(/marketplace-bill\.xlsx/)).toBeVisible();
  const differences = financePage.getByTestId("bill-differences").getByRole("row", { name: new RegExp(planted) });
  await expect(differences).toContainText("¥50.00");
  await expect(differences).toContainText("¥50.01");
  await context.close();
});
