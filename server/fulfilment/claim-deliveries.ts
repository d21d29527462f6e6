import type { Delivery } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";

type ClaimedRow = { id: string };

// Claims up to `limit` due deliveries for one worker, in one statement:
// - FOR UPDATE SKIP LOCKED lets any number of workers claim at once without taking the same row;
// - a delivery whose worker died (lease expired) is due again;
// - a delivery waits while an earlier one of the same instance is not done, so events reach the
//   SaaS in order (a release never overtakes its creation), while other instances proceed.
export const claimDeliveries = async (
  workerId: string,
  limit: number,
  leaseMs: number,
  deps: Pick<Deps, "db" | "now">,
): Promise<Delivery[]> => {
  const now = deps.now();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await deps.db.$queryRaw<ClaimedRow[]>`
    UPDATE deliveries AS d
    SET status = 'processing', locked_by = ${workerId}, lease_expires_at = ${leaseUntil},
        attempts = d.attempts + 1, round_attempts = d.round_attempts + 1, updated_at = ${now}
    FROM (
      SELECT c.id FROM deliveries c
      WHERE ((c.status = 'pending' AND c.next_attempt_at <= ${now})
          OR (c.status = 'processing' AND c.lease_expires_at < ${now}))
        AND NOT EXISTS (
          SELECT 1 FROM deliveries e
          WHERE e.order_key = c.order_key AND e.seq < c.seq
            AND e.status IN ('pending', 'processing', 'awaiting_operator', 'dead'))
      ORDER BY c.next_attempt_at, c.seq
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS picked
    WHERE d.id = picked.id
    RETURNING d.id`;
  if (rows.length === 0) return [];
  return deps.db.delivery.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { seq: "asc" } });
};
