import { expect, test as setup } from "@playwright/test";
import { E2E_OWNER } from "./fixtures/accounts";

setup("the owner signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("邮箱").fill(E2E_OWNER.email);
  await page.getByLabel("密码").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await page.context().storageState({ path: "e2e/.auth/owner.json" });
});
