// The server Playwright tests against: the real `npm start` path on a production build, with a
// fresh embedded data folder, or a fresh database on the server named by TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { E2E_OWNER } from "./fixtures/accounts";

const main = async () => {
  process.env.ADMIN_EMAIL = E2E_OWNER.email;
  process.env.ADMIN_PASSWORD = E2E_OWNER.password;
  // The simulator is off by default with an external database; the suite drives it in both modes.
  process.env.SIMULATOR ??= "on";
  // The specs' stand-in SaaS servers listen on 127.0.0.1, which a console on a shared server refuses by default.
  process.env.FULFILMENT_ALLOW_PRIVATE_TARGETS ??= "true";
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const host = new URL(serverUrl).hostname;
    if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
    const name = `kgc_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    process.env.APP_SECRET = randomBytes(32).toString("hex");
    // The same first-run demo data (keys, simulated orders) as the embedded console gets.
    process.env.SEED_DEMO = "true";
    console.log(`e2e database: ${name}`);
  } else {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "kgc-e2e-"));
    console.log(`e2e data folder: ${process.env.DATA_DIR}`);
  }
  await import("../scripts/start");
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
