// Adds up what Vitest and Playwright reported in both runs and prints one closing line.
import { readFileSync } from "node:fs";

const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const log = strip(readFileSync(file, "utf8"));
  const vitest = log.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? "";
  passed += Number(vitest.match(/(\d+) passed/)?.[1] ?? 0);
  failed += Number(vitest.match(/(\d+) failed/)?.[1] ?? 0);
  const playwrightPassed = [...log.matchAll(/^\s*(\d+) passed \(/gm)].pop();
  const playwrightFailed = [...log.matchAll(/^\s*(\d+) failed$/gm)].pop();
  passed += Number(playwrightPassed?.[1] ?? 0);
  failed += Number(playwrightFailed?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
if (passed === 0 || failed > 0) process.exit(1);
