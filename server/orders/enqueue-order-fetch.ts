import { defaultDeps, type Deps } from "@/server/deps";

// The marketplace may need a moment before an order it just called about can be queried.
export const CALLBACK_FETCH_DELAY_MS = 5_000;

/**
 * Asks the worker to fetch an order from the marketplace, after a callback named it. Callbacks
 * arrive in bursts (retries, several activities per order), so while a fetch is waiting a new
 * request joins it; two different lines make it a fetch of the whole order.
 * Safe inside the caller's transaction (pass its client as `db`).
 */
export const enqueueOrderFetch = async (
  orderId: string,
  orderLineId?: string | null,
  deps: { db: Pick<Deps["db"], "$executeRaw">; now: () => Date } = defaultDeps(),
): Promise<void> => {
  const now = deps.now();
  const due = new Date(now.getTime() + CALLBACK_FETCH_DELAY_MS);
  await deps.db.$executeRaw`
    INSERT INTO order_fetches (order_id, order_line_id, reason, dedupe_key, status, next_attempt_at, created_at, updated_at)
    VALUES (${orderId}, ${orderLineId ?? null}, 'callback', ${`callback:${orderId}`}, 'pending', ${due}, ${now}, ${now})
    ON CONFLICT (dedupe_key) DO UPDATE
      SET order_line_id = CASE WHEN order_fetches.order_line_id IS NOT DISTINCT FROM EXCLUDED.order_line_id THEN order_fetches.order_line_id END,
          updated_at = EXCLUDED.updated_at`;
};
