import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { computeV1AuthToken, formatExpireTime, formatV1Timestamp } from "@/lib/marketplace/koogallery";

// Each run puts its own orders through the real gateway as signed V1 callbacks (test traffic),
// for a customer no other data shares, so the journeys do not depend on the first-run demo data.
const STAMP = Date.now().toString(36).toUpperCase();
const CUSTOMER = `E2E订单客户${STAMP}`;
const ORDER_A = `CSE2EORD${STAMP}A`;
const ORDER_B = `CSE2EORD${STAMP}B`;

const callback = async (request: APIRequestContext, v1Key: string, params: Record<string, string>, testFlag = "1") => {
  const signed: Record<string, string> = { ...params, testFlag, timeStamp: formatV1Timestamp(new Date()) };
  signed.authToken = computeV1AuthToken(signed, v1Key);
  const query = Object.entries(signed).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  const response = await request.get(`/api/koogallery?${query}`, { headers: { cookie: "" } });
  const answer = (await response.json()) as { resultCode: string; instanceId?: string };
  expect(answer.resultCode).toBe("000000");
  return answer;
};

test.describe("orders and instances", () => {
  test.beforeAll(async ({ request }) => {
    const revealed = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
    const v1Key = ((await revealed.json()) as { value: string }).value;
    const inMonth = formatExpireTime(new Date(Date.now() + 30 * 86_400_000));
    const common = { activity: "newInstance", customerId: `e2e-${STAMP}`, customerName: CUSTOMER };
    const monthly = await callback(request, v1Key, {
      ...common, businessId: randomUUID(), orderId: ORDER_A, productId: "00301-E2E-ORDERS", skuCode: "E2E-SKU", chargingMode: "1", periodType: "month", periodNumber: "1", orderAmount: "199.00", expireTime: inMonth,
    });
    await callback(request, v1Key, { ...common, businessId: randomUUID(), orderId: ORDER_B, productId: "00301-E2E-ORDERS", chargingMode: "3", orderAmount: "999.00" });
    await callback(request, v1Key, { ...common, customerId: `e2e-other-${STAMP}`, customerName: `Other${STAMP}`, businessId: randomUUID(), orderId: `CSE2EORD${STAMP}C`, productId: "00301-E2E-ORDERS" });
    await callback(request, v1Key, { activity: "expireInstance", instanceId: monthly.instanceId!, orderId: ORDER_A });
  });

  test("filter orders, export the filtered list, open one and follow its timeline to the interface message", async ({ page }) => {
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "订单", exact: true })).toBeVisible();
    // The rows come from the client's first query: the filter form is live once they are there.
    await expect(page.getByTestId("order-row").first()).toBeVisible({ timeout: 30_000 });

    await page.getByLabel("客户（ID，或名称开头）").fill(`E2E订单客户${STAMP}`);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/customer=/);
    await expect(page.getByTestId("orders-total")).toHaveText("共 2 个订单");
    const rows = page.getByTestId("order-row");
    await expect(rows).toHaveCount(2);
    const shown = await rows.locator("td:first-child a").allInnerTexts();
    expect([...shown].sort()).toEqual([ORDER_A, ORDER_B]);

    // The export is the filtered list, row for row and in the same order.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 CSV" }).click()]);
    const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/);
    expect(csv[0]).toMatch(/^order_id,order_type,ordered_at,customer_id,customer_name,/);
    expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(shown);
    const rowA = csv.find((line) => line.startsWith(ORDER_A))!;
    expect(rowA).toContain(CUSTOMER);
    expect(rowA).toContain(",PERIOD,");
    expect(rowA).toContain(",199.000,");
    // The panel follows the export to its end: rows written of the filter's total.
    await expect(page.getByTestId("export-progress").getByRole("status")).toHaveText("导出完成：2 行");

    // The same list as Excel, parsed back: the same rows in the same order, amounts as numbers.
    const [workbookDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 Excel" }).click()]);
    expect(workbookDownload.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await workbookDownload.path())!);
    const sheet = workbook.getWorksheet("orders")!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.actualRowCount).toBe(3);
    expect(cells(1).slice(0, 5)).toEqual(["order_id", "order_type", "ordered_at", "customer_id", "customer_name"]);
    expect([cells(2)[0], cells(3)[0]]).toEqual(shown);
    const excelA = [cells(2), cells(3)].find((row) => row[0] === ORDER_A)!;
    expect(excelA[4]).toBe(CUSTOMER);
    expect(excelA[5]).toBe("PERIOD");
    expect(excelA[7]).toBe(199);
    await expect(page.getByTestId("export-progress").getByRole("status")).toHaveText("导出完成：2 行");

    await page.getByRole("link", { name: ORDER_A }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${ORDER_A}$`));
    await expect(page.getByTestId("order-id")).toHaveText(ORDER_A);
    await expect(page.getByText("199.00 CNY").first()).toBeVisible();
    // One timeline: the callbacks and what they did to the instance.
    await expect(page.getByTestId("timeline-item").filter({ hasText: "已冻结" })).toBeVisible();
    const created = page.getByTestId("timeline-item").filter({ hasText: "newInstance" }).first();
    await expect(created).toBeVisible();
    await created.getByRole("link", { name: "打开接口消息" }).click();
    await expect(page).toHaveURL(/\/messages\/inbound\/\d+$/);
  });

  test("re-fetch from the marketplace and reconciliation are operator actions with visible outcomes", async ({ page }) => {
    await page.goto(`/orders/${ORDER_B}`);
    await expect(page.getByTestId("order-id")).toHaveText(ORDER_B, { timeout: 30_000 });
    // The e2e console has demo AK/SK: the marketplace refuses (or cannot be reached), and says so.
    await page.getByRole("button", { name: "从云商店重新获取" }).click();
    await expect(page.getByText(/无法查询云商店/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("timeline-item").filter({ hasText: "操作员重新获取" })).toContainText("failed");

    await page.goto("/orders/reconciliations");
    await page.getByRole("button", { name: "立即对账" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已开始" })).toBeVisible();
    await expect(page.getByText("手动").first()).toBeVisible();
  });

  test("sorting and the column chooser", async ({ page }) => {
    await page.goto(`/orders?customer=${encodeURIComponent(CUSTOMER)}`);
    await expect(page.getByTestId("order-row")).toHaveCount(2, { timeout: 30_000 });
    await page.getByRole("button", { name: "按订单号排序" }).click();
    await expect(page).toHaveURL(/sort=orderId&dir=desc/);
    await expect(page.getByTestId("order-row").locator("td:first-child a")).toHaveText([ORDER_B, ORDER_A]);
    await page.getByRole("button", { name: "按订单号排序" }).click();
    await expect(page).toHaveURL(/sort=orderId&dir=asc/);
    await expect(page.getByTestId("order-row").locator("td:first-child a")).toHaveText([ORDER_A, ORDER_B]);

    await page.getByText("显示列").click();
    await page.getByLabel("成交金额").check();
    await expect(page.getByRole("columnheader", { name: "成交金额" })).toBeVisible();
    await page.getByLabel("商品", { exact: true }).uncheck();
    await expect(page.getByRole("columnheader", { name: "商品", exact: true })).toHaveCount(0);
  });

  test("instances: filter by customer and status, open the lifecycle history", async ({ page }) => {
    await page.goto("/instances");
    await expect(page.getByTestId("instance-row").first()).toBeVisible({ timeout: 30_000 });
    await page.getByLabel("客户（ID，或名称开头）").fill(CUSTOMER);
    await page.getByLabel("状态").selectOption({ label: "已冻结" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/status=frozen/);
    await expect(page.getByTestId("instance-row")).toHaveCount(1);
    const row = page.getByTestId("instance-row");
    await expect(row.getByText("调测")).toBeVisible();
    await expect(row.getByRole("link", { name: ORDER_A })).toBeVisible();
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("instance-event").filter({ hasText: "已冻结" })).toBeVisible();
    await expect(page.getByTestId("instance-event").filter({ hasText: "已创建" })).toBeVisible();
  });

  test("the dashboard counts today's real orders, this month's amount and the 30-day chart", async ({ page, request }) => {
    const figure = async (p: Page, id: string) => Number(((await p.getByTestId(id).textContent()) ?? "").replace(/[^\d.-]/g, ""));
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "订单与实例（不含调测数据）" })).toBeVisible({ timeout: 30_000 });
    const [todayBefore, monthBefore, paidBefore] = [await figure(page, "orders-today"), await figure(page, "orders-this-month"), await figure(page, "orders-paid-this-month")];

    // Two real (not test) orders now: they count; a test order does not.
    const revealed = await request.post("/api/settings/secrets/marketplace.v1Key/reveal");
    const v1Key = ((await revealed.json()) as { value: string }).value;
    const common = { activity: "newInstance", customerId: `e2e-dash-${STAMP}`, customerName: `E2E看板${STAMP}`, productId: "00301-E2E-ORDERS", chargingMode: "3" };
    await callback(request, v1Key, { ...common, businessId: randomUUID(), orderId: `CSE2EDSH${STAMP}A`, orderAmount: "100.50" }, "0");
    await callback(request, v1Key, { ...common, businessId: randomUUID(), orderId: `CSE2EDSH${STAMP}B`, orderAmount: "20.25" }, "0");
    await callback(request, v1Key, { ...common, businessId: randomUUID(), orderId: `CSE2EDSH${STAMP}T`, orderAmount: "999.00" });

    await page.reload();
    await expect.poll(() => figure(page, "orders-today")).toBe(todayBefore + 2);
    expect(await figure(page, "orders-this-month")).toBe(monthBefore + 2);
    expect(Math.round((await figure(page, "orders-paid-this-month")) * 100)).toBe(Math.round((paidBefore + 120.75) * 100));
    // 30 days in the chart, today's last, with today's count in its table.
    await expect(page.getByTestId("orders-chart")).toBeVisible();
    const chartRows = page.locator("figure", { has: page.getByTestId("orders-chart") }).locator("table tbody tr");
    await expect(chartRows).toHaveCount(30);
    await expect(chartRows.last().locator("td").first()).toHaveText(String(todayBefore + 2));
    await expect(page.getByTestId("instances-expiring")).toBeVisible();
    await expect(page.getByTestId("instances-failed-provisionings")).toBeVisible();
    // A figure opens the list it counts.
    await page.getByTestId("instances-expiring").click();
    await expect(page).toHaveURL(/\/instances\?expiringWithinDays=7&test=exclude/);
  });
});
