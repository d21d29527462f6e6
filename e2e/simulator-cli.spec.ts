import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { debugCaseKeysFor, SIM_PRODUCTS } from "@/lib/marketplace/koogallery/simulator";

// The CI half of the simulator: `npm run simulate -- suite` (scripts/simulate.ts) as a child
// process, calling this running console over HTTP as the marketplace would, with the console's own
// keys. Every debugging case of every product must pass, and the CLI must say so with exit code 0.

const reveal = async (request: APIRequestContext, key: string): Promise<string> => {
  const response = await request.post(`/api/settings/secrets/${key}/reveal`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: string }).value;
};

type CliLine = { product: string; case: string; activity: string; verdict: string; error: string | null; checks: { name: string; ok: boolean }[] };

const runCli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    // Keys travel in the environment, never on the command line where `ps` shows them.
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/simulate.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });

test.describe("simulator CLI", () => {
  test("the debugging suite run by the CLI passes every check against the running console", async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const env = {
      KOOGALLERY_V1_KEY: await reveal(request, "marketplace.v1Key"),
      KOOGALLERY_BASIC_ACCESS_KEY: await reveal(request, "marketplace.basicAccessKey.current"),
      KOOGALLERY_LICENSE_ACCESS_KEY: await reveal(request, "marketplace.licenseAccessKey.current"),
    };
    const target = `${baseURL}/api/koogallery`;

    const { code, stdout, stderr } = await runCli(["suite", "--target", target, "--json"], env);

    expect(stderr).toBe("");
    const lines = JSON.parse(stdout) as CliLine[];
    const failing = lines.filter((line) => line.verdict !== "pass" || line.checks.some((check) => !check.ok));
    expect(failing).toEqual([]);
    // Every case of every product ran: nothing was skipped for want of an instance.
    const expected = SIM_PRODUCTS.flatMap((product) => debugCaseKeysFor(product).map((caseKey) => `${product.key}/${caseKey}`));
    expect(lines.map((line) => `${line.product}/${line.case}`)).toEqual(expected);
    expect(code).toBe(0);
  });

  test("a failed check makes the CLI exit non-zero with the marketplace's wording", async ({ baseURL }) => {
    // The wrong V1 key: the console's answer is signed with its own key, so the answer's Body-Sign
    // does not verify with the key the marketplace holds; the check stops there, as the tool does.
    const { code, stdout } = await runCli(["suite", "--product", "report-once-v1", "--target", `${baseURL}/api/koogallery`], { KOOGALLERY_V1_KEY: "not-the-console-key" });
    expect(stdout).toContain("✗ bodySign: 响应Http Body签名校验失败,预期的签名值:");
    expect(stdout).toMatch(/0 passed, [1-9]\d* failed/);
    expect(code).toBe(1);
  });
});
