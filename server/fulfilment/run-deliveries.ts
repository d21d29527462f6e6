import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Deps } from "@/server/deps";
import { claimDeliveries } from "@/server/fulfilment/claim-deliveries";
import { processDelivery } from "@/server/fulfilment/process-delivery";
import { logger } from "@/server/logger";

export const newWorkerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

// The longest webhook timeout (30 s) plus room: a lease shorter than an attempt would let a
// second worker start the same delivery while the first is still waiting for an answer.
export const DELIVERY_LEASE_MS = 60_000;

// Claims and processes due deliveries until none is left; returns how many were processed.
export const runDueDeliveries = async (
  deps: Deps,
  options: { workerId: string; batchSize?: number; maxBatches?: number; leaseMs?: number },
): Promise<number> => {
  let processed = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const claimed = await claimDeliveries(options.workerId, options.batchSize ?? 16, options.leaseMs ?? DELIVERY_LEASE_MS, deps);
    if (claimed.length === 0) break;
    // Claimed rows belong to different instances (the claim never hands out two of one
    // instance), so they can go out in parallel.
    // One delivery's database error must not abandon the rest of the batch; the failed one keeps
    // its lease and is taken up again when the lease runs out.
    const results = await Promise.allSettled(claimed.map((delivery) => processDelivery(delivery, options.workerId, deps)));
    results.forEach((result, i) => {
      if (result.status === "rejected") logger.error({ err: result.reason, deliveryId: claimed[i]!.id }, "delivery attempt failed to record");
    });
    processed += claimed.length;
  }
  return processed;
};
