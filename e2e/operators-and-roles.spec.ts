import { expect, test, type Browser } from "@playwright/test";

const signInFresh = async (browser: Browser, email: string, password: string) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  return { context, page };
};

test("the owner creates a viewer, who cannot see or change settings", async ({ page, browser }) => {
  const email = `viewer-${Date.now()}@e2e.test`;
  const apiBaseUrlOf = async () =>
    ((await (await page.request.get("/api/settings")).json()).settings as { key: string; display: string }[]).find((s) => s.key === "marketplace.apiBaseUrl")?.display;
  const apiBaseUrlBefore = await apiBaseUrlOf();
  expect(apiBaseUrlBefore).toMatch(/^https?:\/\//);
  await page.goto("/operators");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("姓名").fill("Vera Viewer");
  await page.getByLabel("角色", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(email);
  const oneTimePassword = (await page.getByTestId("one-time-password").textContent())!.trim();
  await expect(page.getByTestId(`operator-row-${email}`)).toContainText("需修改密码");

  const viewer = await signInFresh(browser, email, oneTimePassword);
  // A one-time password must be replaced before anything else.
  await expect(viewer.page).toHaveURL(/\/account\?required=1/);
  await viewer.page.getByLabel("当前密码").fill(oneTimePassword);
  await viewer.page.getByLabel("新密码", { exact: true }).fill("viewer password 1");
  await viewer.page.getByLabel("再次输入新密码").fill("viewer password 1");
  await viewer.page.getByRole("button", { name: "修改密码" }).click();
  await expect(viewer.page.getByRole("heading", { name: "概览" })).toBeVisible();

  const nav = viewer.page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "订单" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "设置" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "操作员" })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "打开设置" })).toHaveCount(0);

  const settingsPage = await viewer.page.goto("/settings");
  expect(settingsPage?.status()).toBe(403);
  await expect(viewer.page.getByRole("heading", { name: "无权访问" })).toBeVisible();

  const read = await viewer.page.request.get("/api/settings");
  expect(read.status()).toBe(403);
  expect(read.headers()["content-type"]).toContain("application/problem+json");
  const write = await viewer.page.request.patch("/api/settings", {
    data: { "marketplace.apiBaseUrl": "https://evil.example.com" },
  });
  expect(write.status()).toBe(403);
  const reveal = await viewer.page.request.post("/api/settings/secrets/marketplace.v1Key/reveal");
  expect(reveal.status()).toBe(403);

  // Nothing changed.
  expect(await apiBaseUrlOf()).toBe(apiBaseUrlBefore);
  await viewer.context.close();
});

test("five wrong passwords lock sign-in, even with the right one afterwards", async ({ page, browser }) => {
  const email = `locked-${Date.now()}@e2e.test`;
  const created = await page.request.post("/api/operators", {
    data: { email, displayName: "Lock Test", role: "operator", password: "the right password" },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await context.newPage();
  await visitor.goto("/sign-in");
  for (let i = 1; i <= 5; i++) {
    await visitor.getByLabel("邮箱").fill(email);
    await visitor.getByLabel("密码").fill(`wrong password ${i}`);
    await visitor.getByRole("button", { name: "登录" }).click();
    const expected = i < 5 ? "邮箱或密码错误。" : "登录失败次数过多，该账号已锁定 15 分钟。";
    await expect(visitor.locator("form").getByRole("alert")).toHaveText(expected);
  }
  await visitor.getByLabel("密码").fill("the right password");
  await visitor.getByRole("button", { name: "登录" }).click();
  await expect(visitor.locator("form").getByRole("alert")).toHaveText("登录失败次数过多，该账号已锁定 15 分钟。");
  await expect(visitor).toHaveURL(/\/sign-in/);
  await context.close();

  const audit = await page.request.get(`/api/audit-events?action=auth.sign_in&actor=${encodeURIComponent(email)}`);
  const body = (await audit.json()) as { events: { action: string }[] };
  expect(body.events.map((e) => e.action)).toEqual([
    "auth.sign_in_refused_locked",
    ...Array(5).fill("auth.sign_in_failed"),
  ]);
});

test("problem+json names the bad field and changes nothing", async ({ page }) => {
  const before = ((await (await page.request.get("/api/operators")).json()) as { operators: unknown[] }).operators.length;
  const bad = await page.request.post("/api/operators", { data: { email: "not-an-email", displayName: "", role: "king" } });
  expect(bad.status()).toBe(422);
  const problem = await bad.json();
  expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual(["displayName", "email", "role"]);
  const after = ((await (await page.request.get("/api/operators")).json()) as { operators: unknown[] }).operators.length;
  expect(after).toBe(before);
});
