import { expect, test } from "@playwright/test";
import { signInFresh, createOperator } from "./fixtures/operators";

test("finance creates a template with a wrong credit code, sees the field error, fixes it and activates it", async ({ page, browser }) => {
  const finance = await createOperator(page.request, "finance", "templates");
  const { context, page: financePage } = await signInFresh(browser, finance.email, finance.password);
  const title = `深圳示例软件有限公司 ${Date.now()}`;

  await financePage.goto("/invoice-templates");
  await expect(financePage.getByRole("heading", { level: 1, name: "发票模板" })).toBeVisible();
  const form = financePage.getByRole("form", { name: "保存模板" });
  await expect(form.getByLabel("抬头类型")).toHaveValue("enterprise");
  await expect(form.getByLabel("发票类型")).toHaveValue("digital_special");
  // Legacy kinds are for old records only.
  await expect(form.getByLabel("发票类型").locator("option")).toHaveText(["数电专票", "数电普票"]);
  await form.getByLabel("发票抬头").fill(title);
  await form.getByLabel("纳税人识别号（统一社会信用代码）").fill("914403001922038217");
  await form.getByLabel("基本户开户银行").fill("招商银行深圳分行");
  await form.getByLabel("基本户开户账号").fill("755912345610801");
  await form.getByLabel("注册地址").fill("深圳市南山区科技园路 1 号");
  await form.getByLabel("注册电话").fill("0755-88888888");
  await form.getByLabel("收票邮箱").fill("finance@example.com");

  // The live preview reads as the invoice's buyer block.
  const preview = financePage.getByTestId("new-template-preview");
  await expect(preview).toContainText(title);
  await expect(preview).toContainText("深圳市南山区科技园路 1 号 0755-88888888");
  await expect(preview).toContainText("招商银行深圳分行 755912345610801");

  await form.getByRole("button", { name: "保存模板" }).click();
  await expect(form.getByRole("alert")).toHaveText("校验码不正确：按前 17 位，第 18 位应为 6。");
  await expect(form.getByLabel("纳税人识别号（统一社会信用代码）")).toHaveAttribute("aria-invalid", "true");

  // The server holds the same rule, with the field named in problem+json.
  const refused = await financePage.request.post("/api/invoice-templates", {
    data: { titleType: "enterprise", title, taxpayerId: "914403001922038217", bankName: "b", bankAccount: "755912345610801", registeredAddress: "a", registeredPhone: "0755-88888888", invoiceKind: "digital_special", email: "finance@example.com" },
  });
  expect(refused.status()).toBe(422);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).issues).toEqual([expect.objectContaining({ path: "taxpayerId", code: "invoiceTemplates.errors.creditCodeCheckCharacter" })]);

  // A personal title cannot keep a special invoice.
  await form.getByLabel("抬头类型").selectOption("individual");
  await form.getByRole("button", { name: "保存模板" }).click();
  await expect(form.getByText("专票仅限企业抬头；个人和组织只能开普票。")).toBeVisible();
  await form.getByLabel("抬头类型").selectOption("enterprise");

  await form.getByLabel("纳税人识别号（统一社会信用代码）").fill("914403001922038216");
  await form.getByRole("button", { name: "保存模板" }).click();
  await expect(financePage.getByRole("status").filter({ hasText: "模板已保存（第 1 版，草稿）。" })).toBeVisible();
  const row = financePage.getByRole("row", { name: title });
  await expect(row).toContainText("草稿");
  await expect(row).toContainText("914403001922038216");

  await row.getByRole("button", { name: `设为生效：${title}` }).click();
  await expect(financePage.getByRole("status").filter({ hasText: "模板已生效" })).toBeVisible();
  await expect(row).toContainText("生效中");
  await expect(financePage.getByText("生效中")).toHaveCount(1);

  // An edit is a new version; the history shows who changed which field.
  await row.getByRole("button", { name: `编辑：${title}` }).click();
  await expect(financePage).toHaveURL(/edit=/);
  const edit = financePage.getByRole("form", { name: "保存为新版本" });
  await edit.getByLabel("收票邮箱").fill("ap@example.com");
  await edit.getByRole("button", { name: "保存为新版本" }).click();
  await expect(financePage.getByRole("status").filter({ hasText: "已保存为第 2 版。" })).toBeVisible();
  await row.getByRole("button", { name: "版本历史" }).click();
  const history = financePage.locator("[data-testid^=template-history-]");
  await expect(history.getByRole("row", { name: /第 2 版/ })).toContainText(finance.email);
  await expect(history.getByRole("row", { name: /第 2 版/ })).toContainText("收票邮箱");
  await expect(history.getByRole("row", { name: /第 1 版/ })).toContainText("初始版本");
  await context.close();
});

test("a viewer reads the templates but cannot change them", async ({ page, browser }) => {
  const viewer = await createOperator(page.request, "viewer", "templates");
  const { context, page: viewerPage } = await signInFresh(browser, viewer.email, viewer.password);
  await viewerPage.goto("/invoice-templates");
  await expect(viewerPage.getByText("您的角色只能查看发票模板。")).toBeVisible();
  await expect(viewerPage.getByRole("form", { name: "保存模板" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /设为生效/ })).toHaveCount(0);
  const denied = await viewerPage.request.post("/api/invoice-templates", { data: { titleType: "individual", title: "张三", invoiceKind: "digital_ordinary", email: "a@b.cn" } });
  expect(denied.status()).toBe(403);
  await context.close();
});
