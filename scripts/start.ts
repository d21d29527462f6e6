// `npm start`: embedded PostgreSQL (when DATABASE_URL is unset), migrations, first-run bootstrap,
// a production build if there is none, then the console and its background worker in this one
// process, so Ctrl-C (or a kill) takes everything down together.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { loadRuntimeConfig } from "./runtime-config";

const dev = process.argv.includes("--dev");

const main = async () => {
  const runtime = await loadRuntimeConfig();
  const { bootstrapConsole } = await import("@/server/bootstrap/bootstrap-console");
  const { defaultDeps } = await import("@/server/deps");
  const { startWorker } = await import("@/server/worker/run-worker");
  const { logger } = await import("@/server/logger");

  // SEED_DEMO=true seeds the first-run demo data on a shared server too (the end-to-end suite does).
  const bootstrap = await bootstrapConsole({ seedDemo: runtime.embedded || process.env.SEED_DEMO === "true" }, defaultDeps());

  if (!dev && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("No production build yet: running `next build` (first start only, about a minute)…");
    const build = spawnSync(process.execPath, [require_resolve_next_bin(), "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const app = next({ dev, dir: process.cwd(), hostname: runtime.hostname, port: runtime.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(runtime.port, runtime.hostname, resolve);
  });
  const worker = runtime.workerInApp ? startWorker(defaultDeps()) : null;

  const url = `http://${runtime.hostname === "0.0.0.0" ? "localhost" : runtime.hostname}:${runtime.port}`;
  console.log(`\nKooGallery Seller Console is running at ${url}`);
  console.log(`Database: ${runtime.embedded ? `embedded PGlite in ${runtime.dataDir}` : "PostgreSQL from DATABASE_URL"}`);
  if (bootstrap.owner.created) {
    console.log(`\nFirst start: owner account created.\n  e-mail:   ${bootstrap.owner.email}`);
    if (bootstrap.owner.generated) {
      console.log(`  password: ${bootstrap.owner.password}   (one-time: you will choose your own at first sign-in)`);
    } else console.log("  password: the ADMIN_PASSWORD you gave");
  }
  if (bootstrap.demoSeeded) console.log("Demo data seeded (first run only).");
  console.log("Press Ctrl-C to stop.\n");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    server.close();
    server.closeAllConnections();
    await worker?.stop();
    await app.close().catch(() => undefined);
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
};

function require_resolve_next_bin(): string {
  return path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
