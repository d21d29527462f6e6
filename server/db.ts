import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";

export type Db = PrismaClient;

export const createPrismaClient = (databaseUrl: string, poolSize = 10): PrismaClient =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });

const globalForPrisma = globalThis as unknown as { koogalleryPrisma?: PrismaClient };

// One client per process: Next.js dev reloads modules, and every new client opens a new pool.
export const getDb = (): PrismaClient => {
  globalForPrisma.koogalleryPrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.koogalleryPrisma;
};
