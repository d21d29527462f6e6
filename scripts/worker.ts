export {};

// `npm run worker`: the background worker alone, for deployments that run it apart from the app
// (any number of these may share one PostgreSQL server).
const main = async () => {
  if (!process.env.DATABASE_URL || !process.env.APP_SECRET) {
    throw new Error("npm run worker needs DATABASE_URL and APP_SECRET (the same as the app processes).");
  }
  const { runMigrations } = await import("@/server/database/migrations");
  await runMigrations(process.env.DATABASE_URL);
  const { defaultDeps } = await import("@/server/deps");
  const { startWorker } = await import("@/server/worker/run-worker");
  const worker = startWorker(defaultDeps());
  console.log("Worker running. Press Ctrl-C to stop.");
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
