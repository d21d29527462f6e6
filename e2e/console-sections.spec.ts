import { expect, test } from "@playwright/test";

const SECTIONS: { zh: string; en: string; path: string }[] = [
  { zh: "概览", en: "Dashboard", path: "/" },
  { zh: "订单", en: "Orders", path: "/orders" },
  { zh: "实例", en: "Instances", path: "/instances" },
  { zh: "商品", en: "Products", path: "/products" },
  { zh: "接口消息", en: "Interface messages", path: "/messages" },
  { zh: "模拟器", en: "Simulator", path: "/simulator" },
  { zh: "账单", en: "Bills", path: "/bills" },
  { zh: "发票", en: "Invoices", path: "/invoices" },
  { zh: "发票模板", en: "Invoice templates", path: "/invoice-templates" },
  { zh: "平台费报表", en: "Fee reports", path: "/fee-reports" },
  { zh: "设置", en: "Settings", path: "/settings" },
  { zh: "操作员", en: "Operators", path: "/operators" },
  { zh: "审计日志", en: "Audit log", path: "/audit-log" },
];

test("the owner visits every section from the navigation", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const section of SECTIONS) {
    await nav.getByRole("link", { name: section.zh, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${section.path === "/" ? "/$" : section.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: section.zh, exact: true })).toBeVisible();
  }
});

test("switching the language shows the console in English and keeps it", async ({ page }) => {
  await page.goto("/operators");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Operators" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Audit log" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Marketplace connection" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
});

test("health and readiness answer without a session and reveal nothing", async ({ request }) => {
  const health = await request.get("/api/health", { headers: { cookie: "" } });
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/ready", { headers: { cookie: "" } });
  expect(await ready.json()).toEqual({ ready: true, database: "ok", migrations: "current" });
});
