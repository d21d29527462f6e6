import { expect, test, type BrowserContext, type Page } from "@playwright/test";

// The Simulator page as a seller uses it: act as a buyer against this console over HTTP, run the
// debugging cases, and point the marketplace at a broken endpoint to read its verdicts.

// The dashboard in a tab of its own, so the Simulator page keeps its state.
const count = async (context: BrowserContext, status: string) => {
  const dashboard = await context.newPage();
  await dashboard.goto("/");
  const value = Number(await dashboard.getByTestId(`instances-${status}`).textContent());
  await dashboard.close();
  return value;
};

const latestCallback = (page: Page) => page.getByRole("list", { name: "回调记录" }).getByTestId("simulator-callback").first();

const buy = async (page: Page, productKey: string) => {
  await page.getByLabel("商品", { exact: true }).selectOption(productKey);
  await page.getByRole("button", { name: "购买", exact: true }).click();
};

test.describe("marketplace simulator", () => {
  test("buy a monthly subscription, see it counted, renew, expire and release it", async ({ page, context }) => {
    test.setTimeout(150_000);
    const active = await count(context, "active");
    const frozen = await count(context, "frozen");
    const released = await count(context, "released");

    await page.goto("/simulator");
    await expect(page.getByRole("heading", { level: 1, name: "模拟器" })).toBeVisible();
    // The first run's demo data already holds simulated purchases.
    const rows = page.getByTestId("simulator-subscriptions").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    await buy(page, "crm-monthly-v2");
    await expect(rows).toHaveCount(before + 1);
    const row = rows.first();
    await expect(row).toContainText("云CRM 标准版（包月，V2）");
    await expect(row).toContainText("已开通");
    const orderId = (await row.locator("td").nth(3).textContent())!.trim();
    const subscription = page.getByTestId(`subscription-${orderId}`);
    await expect(latestCallback(page)).toContainText("newInstance");
    await expect(latestCallback(page)).toContainText("买家操作");
    await expect(latestCallback(page)).toContainText("通过");

    // The request, the answer and every check are there to read.
    await latestCallback(page).locator("summary").click();
    await expect(latestCallback(page).getByRole("list", { name: "校验项" })).toContainText("Body-Sign 签名");
    await expect(latestCallback(page)).toContainText(`"orderId": "${orderId}"`);

    expect(await count(context, "active")).toBe(active + 1);

    await subscription.getByRole("button", { name: "续费", exact: true }).click();
    await expect(latestCallback(page)).toContainText("refreshInstance");
    await expect(latestCallback(page)).toContainText("通过");

    await subscription.getByRole("button", { name: "过期", exact: true }).click();
    await expect(subscription).toContainText("已冻结");
    expect(await count(context, "frozen")).toBe(frozen + 1);

    await subscription.getByRole("button", { name: "释放", exact: true }).click();
    await expect(subscription).toContainText("已释放");
    await expect(latestCallback(page)).toContainText("releaseInstance");
    expect(await count(context, "released")).toBe(released + 1);
    expect(await count(context, "active")).toBe(active);
  });

  test("the full debugging suite passes against the console", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/simulator");
    await page.getByLabel("商品范围").selectOption({ label: "全部商品" });
    await page.getByRole("button", { name: "全部运行" }).click();
    const summary = page.getByTestId("debug-summary");
    await expect(summary).toBeVisible({ timeout: 150_000 });
    await expect(summary).toContainText("失败 0 个，跳过 0 个");
    const results = page.getByTestId("debug-results");
    await expect(results.locator("tbody tr")).not.toHaveCount(0);
    await expect(results.getByText("失败", { exact: true })).toHaveCount(0);
    await expect(results.getByText("新购").first()).toBeVisible();
    await expect(page.getByText(/已为 .* 保存 \d+ 个用例/)).toBeVisible();
  });

  test("a broken endpoint gets the marketplace's error wording", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await page.goto("/simulator");
    await page.getByLabel("目标生产地址").fill(`${baseURL}/api/simulator/broken-endpoint/text-plain`);
    await buy(page, "hr-monthly-v1");
    await expect(latestCallback(page)).toContainText("响应content-type格式错误");
    await expect(latestCallback(page)).toContainText("等待重试");

    await page.getByLabel("目标生产地址").fill(`${baseURL}/api/simulator/broken-endpoint/no-instance-id`);
    await buy(page, "crm-monthly-v2");
    await expect(latestCallback(page)).toContainText("调测失败,接口响应缺少instanceId.");

    await page.getByLabel("目标生产地址").fill(`${baseURL}/api/simulator/broken-endpoint/bad-sign`);
    await buy(page, "hr-yearly-v1");
    await expect(latestCallback(page)).toContainText("响应Http Body签名校验失败,预期的签名值:");

    await page.getByLabel("目标生产地址").fill("http://127.0.0.1:9/unreachable");
    await buy(page, "report-once-v2");
    await expect(latestCallback(page)).toContainText("生产地址不可达");
  });

  test("an online licence (V2): buy it and request the licence, which the console issues", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/simulator");
    const rows = page.getByTestId("simulator-subscriptions").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    await buy(page, "design-licence-v2");
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.first()).toContainText("已开通");
    const orderId = (await rows.first().locator("td").nth(3).textContent())!.trim();
    const subscription = page.getByTestId(`subscription-${orderId}`);
    await subscription.getByRole("button", { name: "申请License", exact: true }).click();
    await expect(latestCallback(page)).toContainText("getLicenseAsync");
    await expect(latestCallback(page)).toContainText("通过");
    await latestCallback(page).locator("summary").click();
    await expect(latestCallback(page)).toContainText('"resultCode": "000000"');

    await subscription.getByRole("button", { name: "订单通知", exact: true }).click();
    await expect(latestCallback(page)).toContainText("orderNotify");
    await expect(latestCallback(page)).toContainText("通过");
  });

  test("a saved debugging case can be deleted, after confirming", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/simulator");
    await page.getByLabel("商品范围").selectOption({ label: "数据报告（按次，V1）" });
    await page.getByRole("button", { name: "全部运行" }).click();
    await expect(page.getByTestId("debug-summary")).toContainText("失败 0 个，跳过 0 个");
    const saved = page.getByTestId("saved-cases");
    await saved.locator("summary").click();
    const deleteQuery = saved.getByRole("button", { name: "删除已保存的用例 数据报告（按次，V1） / 查询" });
    await expect(deleteQuery).toBeVisible();
    const savedRows = saved.locator("tbody tr");
    const before = await savedRows.count();

    // Dismissing the confirmation keeps the case.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await deleteQuery.click();
    await expect(savedRows).toHaveCount(before);

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("拨测将不再回放它");
      void dialog.accept();
    });
    await deleteQuery.click();
    await expect(saved.getByRole("status")).toContainText("已删除用例 数据报告（按次，V1） / 查询");
    await expect(savedRows).toHaveCount(before - 1);
    await expect(deleteQuery).toHaveCount(0);
  });
});
