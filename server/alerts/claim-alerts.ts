import { Prisma } from "@/generated/prisma/client";
import { MARKETPLACE_DEADLINE_MS } from "@/domain/fulfilment/retry-policy";
import { DEADLINE_EVENT_TYPES, DEADLINE_WARNING_MS, type AlertState } from "@/server/alerts/alert-states";
import type { Deps } from "@/server/deps";

export type ClaimedAlert = {
  deliveryId: string;
  state: AlertState;
  previous: string | null;
  eventType: string;
  status: string;
  orderId: string | null;
  instanceId: string | null;
  productCode: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  attempts: number;
  createdAt: Date;
  inboundRequestId: bigint | null;
};

// A delivery's alertable state, computed in SQL so that the claim is one statement:
// - dead: the retry schedule is exhausted;
// - deadline_near: a new purchase or upgrade is still not done with less than half an hour left
//   before the marketplace refunds the buyer (manual products included: an operator must act);
// - first_failure: an attempt of this round failed and the next one is scheduled.
const alertStateSql = (now: Date) => {
  const nearDeadline = DEADLINE_EVENT_TYPES.map(
    (type) => Prisma.sql`(d.event_type = ${type} AND d.created_at <= ${new Date(now.getTime() - (MARKETPLACE_DEADLINE_MS[type] ?? 0) + DEADLINE_WARNING_MS)})`,
  );
  return Prisma.sql`CASE
    WHEN d.status = 'dead' THEN 'dead'
    WHEN d.status IN ('pending', 'processing', 'awaiting_operator') AND (${Prisma.join(nearDeadline, " OR ")}) THEN 'deadline_near'
    WHEN d.status = 'pending' AND d.round_attempts >= 1 AND d.last_error IS NOT NULL THEN 'first_failure'
  END`;
};

// Takes the deliveries whose alertable state differs from the one last alerted on and records
// the new state in the same statement: a second worker running this at the same moment skips the
// rows locked here, or re-checks `alerted_state` after they commit, and so never sends the same
// alert twice. One alert per state change, however often this runs.
export const claimAlerts = async (limit: number, deps: Pick<Deps, "db" | "now">): Promise<ClaimedAlert[]> => {
  const now = deps.now();
  return deps.db.$queryRaw<ClaimedAlert[]>`
    WITH candidates AS (
      SELECT d.id, d.alerted_state AS previous, s.state
      FROM deliveries d
      CROSS JOIN LATERAL (SELECT ${alertStateSql(now)} AS state) AS s
      WHERE d.status IN ('dead', 'pending', 'processing', 'awaiting_operator')
        AND NOT d.test_flag
        AND s.state IS NOT NULL
        AND d.alerted_state IS DISTINCT FROM s.state
      ORDER BY d.seq
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE deliveries AS d
    SET alerted_state = c.state
    FROM candidates c
    WHERE d.id = c.id AND d.alerted_state IS DISTINCT FROM c.state
    RETURNING d.id AS "deliveryId", c.state AS "state", c.previous AS "previous", d.event_type AS "eventType", d.status AS "status",
      d.order_id AS "orderId", d.instance_id AS "instanceId", d.product_code AS "productCode", d.last_error AS "lastError",
      d.last_status_code AS "lastStatusCode", d.attempts AS "attempts", d.created_at AS "createdAt", d.inbound_request_id AS "inboundRequestId"`;
};

// When no channel took the alert, the claim is undone so the next run tries again — unless the
// delivery has moved on meanwhile (then its new state is what deserves an alert).
export const releaseAlerts = async (claimed: ClaimedAlert[], deps: Pick<Deps, "db">): Promise<void> => {
  const groups = new Map<string, { state: AlertState; previous: string | null; ids: string[] }>();
  for (const alert of claimed) {
    const key = `${alert.state}\u0000${alert.previous ?? ""}`;
    const group = groups.get(key) ?? { state: alert.state, previous: alert.previous, ids: [] };
    group.ids.push(alert.deliveryId);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    await deps.db.delivery.updateMany({ where: { id: { in: group.ids }, alertedState: group.state }, data: { alertedState: group.previous } });
  }
};
