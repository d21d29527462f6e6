// Failed sign-ins for one e-mail first slow down (each answer waits longer), then lock the
// e-mail for a while. Failures older than the window are forgotten.
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

export type ThrottleState = { failures: number; lastFailureAt: Date | null; lockedUntil: Date | null };

export const EMPTY_THROTTLE: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

export type ThrottleCheck = { locked: true; retryAfterMs: number } | { locked: false };

export const checkThrottle = (state: ThrottleState, now: Date): ThrottleCheck => {
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { locked: true, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  }
  return { locked: false };
};

const liveFailures = (state: ThrottleState, now: Date): number => {
  if (state.lockedUntil && state.lockedUntil.getTime() <= now.getTime()) return 0;
  if (!state.lastFailureAt || now.getTime() - state.lastFailureAt.getTime() > SIGN_IN_FAILURE_WINDOW_MS) return 0;
  return state.failures;
};

export type FailureOutcome = { next: ThrottleState; delayMs: number; lockedNow: boolean };

export const recordFailure = (state: ThrottleState, now: Date): FailureOutcome => {
  const failures = liveFailures(state, now) + 1;
  const lockedNow = failures >= SIGN_IN_MAX_FAILURES;
  const delayMs = failures <= 1 ? 0 : Math.min(BASE_DELAY_MS * 2 ** (failures - 2), MAX_DELAY_MS);
  return {
    next: {
      failures,
      lastFailureAt: now,
      lockedUntil: lockedNow ? new Date(now.getTime() + SIGN_IN_LOCK_MS) : null,
    },
    delayMs,
    lockedNow,
  };
};
