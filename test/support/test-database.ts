import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type Db } from "@/server/db";
import { createSecretBox } from "@/server/crypto/secret-box";
import { startEmbeddedDatabase } from "@/server/database/embedded-database";
import { runMigrations } from "@/server/database/migrations";
import type { Deps } from "@/server/deps";

export type TestDatabase = { url: string; db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

export const TEST_APP_SECRET = "test-app-secret-0123456789abcdef0123456789";

// Each test file gets a database of its own: a fresh in-memory PGlite by default, or a fresh
// database on the server named by TEST_DATABASE_URL (dropped afterwards).
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    await runMigrations(embedded.url);
    // One connection, as the embedded console uses (see server/db.ts).
    const db = createPrismaClient(embedded.url, 1);
    return {
      url: embedded.url,
      db,
      kind: "pglite",
      close: async () => {
        await db.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `kgc_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const db = createPrismaClient(url.toString(), 10);
  return {
    url: url.toString(),
    db,
    kind: "postgres",
    close: async () => {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
};

export const testDeps = (db: Db, now: () => Date = () => new Date()): Deps => ({
  db,
  now,
  secretBox: createSecretBox(TEST_APP_SECRET),
});
