import type { Deps } from "@/server/deps";

// What a worker needs of a claimed delivery, with the attempt row opened for it.
export type ClaimedDelivery = {
  id: string;
  seq: bigint;
  eventType: string;
  instanceId: string | null;
  productCode: string | null;
  payload: unknown;
  attempts: number;
  roundAttempts: number;
  attemptId: bigint;
};

type ClaimedRow = {
  id: string;
  seq: bigint;
  event_type: string;
  instance_id: string | null;
  product_code: string | null;
  payload: unknown;
  attempts: number;
  round_attempts: number;
  attempt_id: bigint;
};

export const LOST_ATTEMPT_ERROR = "the worker stopped before finishing; its lease expired";

// Claims up to `limit` due deliveries for one worker and opens an attempt row for each, in one
// statement (one round trip per batch):
// - FOR UPDATE SKIP LOCKED lets any number of workers claim at once without taking the same row;
// - a delivery whose worker died (lease expired) is due again; the attempt that worker left open
//   is closed as "lost" (only a delivery attempted before can have one);
// - a delivery waits while an earlier one of the same instance is not done, so events reach the
//   SaaS in order (a release never overtakes its creation), while other instances proceed.
export const claimDeliveries = async (
  workerId: string,
  limit: number,
  leaseMs: number,
  deps: Pick<Deps, "db" | "now">,
): Promise<ClaimedDelivery[]> => {
  const now = deps.now();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await deps.db.$queryRaw<ClaimedRow[]>`
    WITH picked AS (
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
    ), claimed AS (
      UPDATE deliveries AS d
      SET status = 'processing', locked_by = ${workerId}, lease_expires_at = ${leaseUntil},
          attempts = d.attempts + 1, round_attempts = d.round_attempts + 1, updated_at = ${now}
      FROM picked
      WHERE d.id = picked.id
      RETURNING d.id, d.seq, d.event_type, d.instance_id, d.product_code, d.payload, d.attempts, d.round_attempts
    ), lost AS (
      UPDATE delivery_attempts AS a
      SET finished_at = ${now}, outcome = 'lost', error = ${LOST_ATTEMPT_ERROR}
      FROM claimed
      WHERE a.delivery_id = claimed.id AND claimed.attempts > 1 AND a.finished_at IS NULL
    ), opened AS (
      INSERT INTO delivery_attempts (delivery_id, attempt_no, worker_id, started_at, outcome)
      SELECT claimed.id, claimed.attempts, ${workerId}, ${now}, 'in_flight' FROM claimed
      RETURNING id, delivery_id
    )
    SELECT claimed.*, opened.id AS attempt_id
    FROM claimed JOIN opened ON opened.delivery_id = claimed.id
    ORDER BY claimed.seq`;
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    eventType: row.event_type,
    instanceId: row.instance_id,
    productCode: row.product_code,
    payload: row.payload,
    attempts: row.attempts,
    roundAttempts: row.round_attempts,
    attemptId: row.attempt_id,
  }));
};
