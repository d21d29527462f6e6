import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";

export type Db = PrismaClient;

export const createPrismaClient = (databaseUrl: string, poolSize = 10): PrismaClient =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });

const globalForPrisma = globalThis as unknown as { koogalleryPrisma?: PrismaClient };

// One client per process: Next.js dev reloads modules, and every new client opens a new pool.
// The embedded PGlite runs one query at a time behind one wire-protocol server; several client
// connections interleave their extended-protocol messages there ("bind message supplies N
// parameters"), so the embedded console keeps a single connection and queues in the pool.
export const defaultPoolSize = (): number => {
  const env = getEnv();
  return env.DATABASE_POOL_SIZE ?? (env.EMBEDDED_DATABASE === "true" ? 1 : 10);
};

export const getDb = (): PrismaClient => {
  globalForPrisma.koogalleryPrisma ??= createPrismaClient(getEnv().DATABASE_URL, defaultPoolSize());
  return globalForPrisma.koogalleryPrisma;
};
