import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// PGlite (Postgres compiled to WebAssembly) behind the Postgres wire protocol, on loopback only,
// so that the app, dbmate and the tests talk to it exactly as they talk to a real server.
// dataDir undefined = in memory (tests).
export const startEmbeddedDatabase = async (options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> => {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 64 });
  await server.start();
  const address = server.getServerConn();
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@${address}/postgres?sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
};
