import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { AllowList } from "@/domain/fulfilment/webhook-target";
import type { Deps } from "@/server/deps";
import { claimDeliveries, type ClaimedDelivery } from "@/server/fulfilment/claim-deliveries";
import { loadBatchContext, processDelivery } from "@/server/fulfilment/process-delivery";
import { logger } from "@/server/logger";

export const newWorkerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

// The longest webhook timeout (30 s) plus room: a lease shorter than an attempt would let a
// second worker start the same delivery while the first is still waiting for an answer.
export const DELIVERY_LEASE_MS = 60_000;

export type RunOptions = {
  workerId: string;
  allowList: AllowList;
  batchSize?: number;
  maxBatches?: number;
  leaseMs?: number;
  // Deliveries of one batch in flight at once (default: the whole batch). The embedded database
  // has one connection; the claim already holds the batch, so a bound only spreads the work out.
  concurrency?: number;
};

// Runs `work` over every item with at most `limit` at a time; one failing item never stops the
// others (each result is settled).
export const settleEach = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> => {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await work(items[index]!) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
};

// Claims and processes due deliveries until none is left; returns how many were processed.
export const runDueDeliveries = async (deps: Deps, options: RunOptions): Promise<number> => {
  let processed = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const batchSize = options.batchSize ?? 16;
    const claimed = await claimDeliveries(options.workerId, batchSize, options.leaseMs ?? DELIVERY_LEASE_MS, deps);
    if (claimed.length === 0) break;
    // Claimed rows belong to different instances (the claim never hands out two of one
    // instance), so they can go out in parallel. One delivery's database error must not abandon
    // the rest of the batch; the failed one keeps its lease and is taken up again when it runs out.
    const failures: { delivery: ClaimedDelivery; reason: unknown }[] = [];
    try {
      const context = await loadBatchContext(claimed, options.allowList, deps);
      const results = await settleEach(claimed, options.concurrency ?? batchSize, (delivery) => processDelivery(delivery, options.workerId, context, deps));
      results.forEach((result, i) => {
        if (result.status === "rejected") failures.push({ delivery: claimed[i]!, reason: result.reason });
      });
    } catch (reason) {
      claimed.forEach((delivery) => failures.push({ delivery, reason }));
    }
    for (const { delivery, reason } of failures) logger.error({ err: reason, deliveryId: delivery.id }, "delivery attempt failed to record");
    processed += claimed.length;
  }
  return processed;
};
