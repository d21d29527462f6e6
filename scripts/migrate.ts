export {};

// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
const main = async () => {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the PostgreSQL server to migrate.");
  const { runMigrations } = await import("@/server/database/migrations");
  process.stdout.write(await runMigrations(process.env.DATABASE_URL));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
