import type { SimGeneration } from "./catalogue";

/*
 * How the marketplace retries a callback that failed (non-200, non-000000 or
 * timeout), §5. Offsets are from the first attempt; the simulator divides
 * them by its time-compression factor.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface RetryPolicy {
  /** When to try again, measured from the first attempt. Empty: never retried. */
  offsetsMs: readonly number[];
  /** After the last retry fails: the order is judged failed and refunded, or the marketplace just stops. */
  onExhausted: "fail-order" | "give-up";
  /** Where the schedule comes from, shown to the operator. */
  basis: string;
}

const every = (intervalMs: number, windowMs: number): number[] =>
  Array.from({ length: Math.floor(windowMs / intervalMs) }, (_, i) => (i + 1) * intervalMs);

const HOURLY_FOR_3H = every(HOUR, 3 * HOUR);
/*
 * The 1-hour and 2-hour windows give no interval; every 10 minutes is our
 * reading (six tries an hour keeps a short outage from failing the call).
 */
const TEN_MINUTES_FOR = (hours: number) => every(10 * MINUTE, hours * HOUR);
const NEVER: RetryPolicy = { offsetsMs: [], onExhausted: "give-up", basis: "not retried" };

export function retryPolicyFor(generation: SimGeneration, activity: string): RetryPolicy {
  switch (activity) {
    case "newInstance":
      // V1 is documented; V2 SaaS has no explicit statement and is read as the same (§5 [INFERRED]).
      return { offsetsMs: HOURLY_FOR_3H, onExhausted: "fail-order", basis: "every hour for 3 hours, then the order fails and is refunded" };
    case "upgrade":
    case "upgradeInstance":
      return { offsetsMs: HOURLY_FOR_3H, onExhausted: "fail-order", basis: "every hour for 3 hours, then the upgrade order fails and is refunded" };
    case "getLicense":
      return { offsetsMs: HOURLY_FOR_3H, onExhausted: "fail-order", basis: "every hour for 3 hours, then manual delivery" };
    case "orderNotify":
      return { offsetsMs: HOURLY_FOR_3H, onExhausted: "give-up", basis: "every hour for 3 hours" };
    case "refreshInstance":
      // V1: "retry for an hour" (international) against "called once" (CN) — the retrying reading.
      return generation === "v1"
        ? { offsetsMs: TEN_MINUTES_FOR(1), onExhausted: "give-up", basis: "for 1 hour" }
        : { offsetsMs: TEN_MINUTES_FOR(2), onExhausted: "give-up", basis: "for 2 hours" };
    case "expireInstance":
    case "releaseInstance":
    case "instanceStatus":
    case "updateInstanceStatus":
      return { offsetsMs: TEN_MINUTES_FOR(1), onExhausted: "give-up", basis: "for 1 hour" };
    case "getLicenseAsync":
      return { offsetsMs: every(2 * MINUTE, 2 * HOUR), onExhausted: "fail-order", basis: "every 2 minutes for 2 hours" };
    case "refreshLicenseCode":
    case "updateLicenseCodeStatus":
    case "releaseLicenseCode":
      return { offsetsMs: every(2 * MINUTE, 120 * MINUTE), onExhausted: "give-up", basis: "60 tries, 2 minutes apart" };
    default:
      // queryInstance is a synchronous question and changeInstanceCheck a yes/no before a renewal.
      return NEVER;
  }
}

/*
 * After 000004 the marketplace polls queryInstance until the instance has its
 * information. No interval or limit is documented: every minute, and the
 * order fails like an unanswered purchase after 3 hours (our reading).
 */
export const POLL_INTERVAL_MS = MINUTE;
export const POLL_WINDOW_MS = 3 * HOUR;

export const MAX_TIME_COMPRESSION = 100_000;

export function compress(delayMs: number, compression: number): number {
  const factor = Math.min(Math.max(1, Math.floor(compression)), MAX_TIME_COMPRESSION);
  return Math.max(1, Math.round(delayMs / factor));
}

/** When the next retry is due after `attemptsMade` attempts, or null when the schedule is spent. */
export function nextRetryAt(policy: RetryPolicy, firstAttemptAt: Date, attemptsMade: number, compression: number): Date | null {
  const offset = policy.offsetsMs[attemptsMade - 1];
  if (offset === undefined) return null;
  return new Date(firstAttemptAt.getTime() + compress(offset, compression));
}
