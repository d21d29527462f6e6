import type { Prisma } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";

export type Reader = Prisma.TransactionClient;

// Every read of the message log runs in one REPEATABLE READ transaction on one connection:
// - the figures of one answer (a page and its total, the dashboard's cards) agree with each other;
// - the embedded database (PGlite behind pglite-socket) interleaves the protocol messages of
//   concurrent connections outside a transaction, so queries fired in parallel on several pooled
//   connections can get each other's parameters; one transaction keeps them on one connection;
// - the deadline columns' correlated subqueries make PostgreSQL's cost estimates large enough to
//   start its JIT compiler: seconds of compiling (8 s measured on 400,000 rows) for a query that
//   then runs in milliseconds. SET LOCAL turns it off for this transaction only.
export const readSnapshot = <T>(deps: Pick<Deps, "db">, read: (reader: Reader) => Promise<T>): Promise<T> =>
  deps.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      return read(tx);
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000, maxWait: 10_000 },
  );
