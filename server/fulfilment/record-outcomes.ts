import type { Deps } from "@/server/deps";

export type AttemptOutcome = {
  deliveryId: string;
  attemptId: bigint;
  workerId: string;
  // The delivery's new status: succeeded, pending (retry at nextAttemptAt) or dead.
  status: "succeeded" | "pending" | "dead";
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  responseExcerpt: string | null;
  // A new purchase that will not be provisioned any more: its instance is failed.
  failInstance: boolean;
  finishedAt: Date;
};

// PostgreSQL text cannot hold U+0000, which a SaaS's answer may contain.
const withoutNul = (text: string | null) => text?.replaceAll("\u0000", "") ?? null;

// Records attempt outcomes in one statement per group: the delivery rows only while their worker
// still holds the lease (a worker that was too slow, whose delivery was re-claimed, changes
// nothing of it), the attempt rows in any case, as the record of what each attempt saw.
const recordGroup = async (outcomes: AttemptOutcome[], db: Deps["db"]) => {
  const rows = JSON.stringify(
    outcomes.map((outcome) => ({
      id: outcome.deliveryId,
      attempt_id: outcome.attemptId.toString(),
      worker_id: outcome.workerId,
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt?.toISOString() ?? null,
      status_code: outcome.statusCode,
      error: withoutNul(outcome.error),
      latency_ms: outcome.latencyMs,
      response_excerpt: withoutNul(outcome.responseExcerpt),
      fail_instance: outcome.failInstance,
      finished_at: outcome.finishedAt.toISOString(),
    })),
  );
  await db.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS t(
        id uuid, attempt_id bigint, worker_id text, status text, next_attempt_at timestamptz, status_code integer, error text,
        latency_ms integer, response_excerpt text, fail_instance boolean, finished_at timestamptz)
    ), done AS (
      UPDATE deliveries AS d
      SET status = i.status,
          completed_at = CASE WHEN i.status = 'succeeded' THEN i.finished_at ELSE d.completed_at END,
          next_attempt_at = COALESCE(i.next_attempt_at, d.next_attempt_at),
          last_status_code = i.status_code, last_error = i.error, lease_expires_at = NULL, locked_by = NULL, updated_at = i.finished_at
      FROM input AS i
      WHERE d.id = i.id AND d.locked_by = i.worker_id AND d.status = 'processing'
      RETURNING d.id, d.instance_id
    ), failed AS (
      UPDATE instances AS s SET status = 'failed', updated_at = i.finished_at
      FROM input AS i JOIN done ON done.id = i.id
      WHERE i.fail_instance AND s.instance_id = done.instance_id AND s.status = 'provisioning'
    )
    UPDATE delivery_attempts AS a
    SET finished_at = i.finished_at, status_code = i.status_code, latency_ms = i.latency_ms,
        outcome = CASE WHEN i.status = 'succeeded' THEN 'succeeded' ELSE 'failed' END, error = i.error, response_excerpt = i.response_excerpt
    FROM input AS i
    WHERE a.id = i.attempt_id`;
};

type Waiting = { outcome: AttemptOutcome; resolve: () => void; reject: (error: unknown) => void };

// Group commit: an outcome is written at once when nothing is being written, otherwise with all
// that arrived meanwhile, in the next statement. An idle worker records each delivery without
// delay; a busy one records a batch's worth of deliveries per round trip.
const recorders = new WeakMap<Deps["db"], (outcome: AttemptOutcome) => Promise<void>>();

export const outcomeRecorder = (db: Deps["db"]) => {
  let recorder = recorders.get(db);
  if (recorder) return recorder;
  let queue: Waiting[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queue.length) {
      const group = queue;
      queue = [];
      try {
        await recordGroup(
          group.map((waiting) => waiting.outcome),
          db,
        );
        group.forEach((waiting) => waiting.resolve());
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        // One bad row must not cost the others their record: each is tried on its own.
        for (const waiting of group) {
          await recordGroup([waiting.outcome], db).then(waiting.resolve, waiting.reject);
        }
      }
    }
    writing = false;
  };
  recorder = (outcome) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ outcome, resolve, reject });
      if (!writing) void drain();
    });
  recorders.set(db, recorder);
  return recorder;
};
