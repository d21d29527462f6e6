import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { OrderDifference } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { logger } from "@/server/logger";
import { fetchMarketplaceOrder, loadMarketplaceApiConfig, ORDER_QUERY_TIMEOUT_MS, type FetchOrderOutcome } from "@/server/orders/fetch-marketplace-order";
import { storeMarketplaceOrder } from "@/server/orders/store-marketplace-order";

export const newOrderWorkerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

// Longer than one attempt (the fetch timeout plus the store), so a live fetch is never taken over.
const LEASE_MS = ORDER_QUERY_TIMEOUT_MS * 3;
// A callback's order is retried for about a day; a reconciliation should finish the same morning.
const BACKOFF_SECONDS: Record<string, number[]> = {
  callback: [30, 120, 600, 3_600, 6 * 3_600, 12 * 3_600],
  reconcile: [30, 300],
};

type ClaimedFetch = { id: bigint; order_id: string; order_line_id: string | null; reason: string; attempts: number; reconciliation_id: string | null };

export const claimOrderFetches = async (workerId: string, limit: number, deps: Pick<Deps, "db" | "now">): Promise<ClaimedFetch[]> => {
  const now = deps.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return deps.db.$queryRaw<ClaimedFetch[]>`
    UPDATE order_fetches AS f
    SET status = 'processing', locked_by = ${workerId}, lease_expires_at = ${leaseUntil},
        attempts = f.attempts + 1, dedupe_key = NULL, updated_at = ${now}
    FROM (
      SELECT c.id FROM order_fetches c
      WHERE (c.status = 'pending' AND c.next_attempt_at <= ${now})
         OR (c.status = 'processing' AND c.lease_expires_at < ${now})
      ORDER BY c.next_attempt_at, c.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS picked
    WHERE f.id = picked.id
    RETURNING f.id, f.order_id, f.order_line_id, f.reason, f.attempts, f.reconciliation_id`;
};

export type FetchRecord = { status: "succeeded" | "failed" | "pending"; differences: OrderDifference[]; error: string | null };

// Fetches, stores and turns the outcome into the row's next state; shared by the queue and the
// operator's re-fetch button.
export const fetchAndStoreOrder = async (
  request: { orderId: string; orderLineId: string | null },
  deps: Deps,
  options: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<{ outcome: FetchOrderOutcome; differences: OrderDifference[] }> => {
  const config = await loadMarketplaceApiConfig(deps);
  const outcome = await fetchMarketplaceOrder(request, config, { now: deps.now(), ...options });
  if (!outcome.ok) {
    await deps.db.order.updateMany({ where: { orderId: request.orderId }, data: { fetchError: outcome.error.slice(0, 1000) } });
    return { outcome, differences: [] };
  }
  const differences = await storeMarketplaceOrder(outcome.order, outcome.raw, { wholeOrder: !request.orderLineId }, deps);
  return { outcome, differences };
};

const processClaimed = async (row: ClaimedFetch, workerId: string, deps: Deps, options: { fetchImpl?: typeof fetch }) => {
  let result: Awaited<ReturnType<typeof fetchAndStoreOrder>>;
  try {
    result = await fetchAndStoreOrder({ orderId: row.order_id, orderLineId: row.order_line_id }, deps, options);
  } catch (error) {
    logger.error({ err: error, orderId: row.order_id }, "storing a fetched order failed");
    result = { outcome: { ok: false, resultCode: null, error: `storing the order failed: ${(error as Error).message}` }, differences: [] };
  }
  const now = deps.now();
  const { outcome } = result;
  const schedule = BACKOFF_SECONDS[row.reason] ?? BACKOFF_SECONDS.callback!;
  const retryIn = outcome.ok ? undefined : schedule[row.attempts - 1];
  const status = outcome.ok ? "succeeded" : retryIn === undefined ? "failed" : "pending";
  // Only the worker holding the lease may finish the row: a taken-over fetch must not overwrite.
  await deps.db.orderFetch.updateMany({
    where: { id: row.id, lockedBy: workerId, status: "processing" },
    data: {
      status,
      resultCode: outcome.resultCode,
      lastError: outcome.ok ? null : outcome.error.slice(0, 2000),
      differences: result.differences.length ? (result.differences as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      nextAttemptAt: retryIn === undefined ? undefined : new Date(now.getTime() + retryIn * 1000),
      leaseExpiresAt: null,
      lockedBy: null,
      completedAt: status === "pending" ? null : now,
      updatedAt: now,
    },
  });
};

/** Works through due fetches a few at a time; returns how many were processed. */
export const runDueOrderFetches = async (
  deps: Deps,
  options: { workerId: string; batchSize?: number; maxBatches?: number; fetchImpl?: typeof fetch },
): Promise<number> => {
  let processed = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const claimed = await claimOrderFetches(options.workerId, options.batchSize ?? 4, deps);
    if (claimed.length === 0) break;
    await Promise.all(claimed.map((row) => processClaimed(row, options.workerId, deps, options)));
    processed += claimed.length;
  }
  if (processed > 0) await finishReconciliationRuns(deps);
  return processed;
};

export const finishReconciliationRuns = async (deps: Pick<Deps, "db" | "now">): Promise<void> => {
  await deps.db.$executeRaw`
    UPDATE reconciliation_runs r SET finished_at = ${deps.now()}
    WHERE r.finished_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM order_fetches f WHERE f.reconciliation_id = r.id AND f.status IN ('pending', 'processing'))`;
};
