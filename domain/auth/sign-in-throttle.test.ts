import { describe, expect, it } from "vitest";
import {
  checkThrottle,
  EMPTY_THROTTLE,
  recordFailure,
  SIGN_IN_FAILURE_WINDOW_MS,
  SIGN_IN_LOCK_MS,
  type ThrottleState,
} from "./sign-in-throttle";

const t0 = new Date("2026-11-28T10:00:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe("sign-in throttle", () => {
  it("slows down each failure and locks on the fifth", () => {
    let state: ThrottleState = EMPTY_THROTTLE;
    const delays: number[] = [];
    const locks: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = recordFailure(state, plus(i * 1000));
      delays.push(outcome.delayMs);
      locks.push(outcome.lockedNow);
      state = outcome.next;
    }
    expect(delays).toEqual([0, 250, 500, 1000, 2000]);
    expect(locks).toEqual([false, false, false, false, true]);
    expect(state.lockedUntil).toEqual(plus(4000 + SIGN_IN_LOCK_MS));
    expect(checkThrottle(state, plus(5000))).toEqual({ locked: true, retryAfterMs: SIGN_IN_LOCK_MS - 1000 });
  });

  it("unlocks after the lock period and starts counting afresh", () => {
    const locked: ThrottleState = { failures: 5, lastFailureAt: t0, lockedUntil: plus(SIGN_IN_LOCK_MS) };
    expect(checkThrottle(locked, plus(SIGN_IN_LOCK_MS))).toEqual({ locked: false });
    const after = recordFailure(locked, plus(SIGN_IN_LOCK_MS + 1));
    expect(after.next.failures).toBe(1);
    expect(after.lockedNow).toBe(false);
  });

  it("forgets failures older than the window", () => {
    const old: ThrottleState = { failures: 4, lastFailureAt: t0, lockedUntil: null };
    expect(recordFailure(old, plus(SIGN_IN_FAILURE_WINDOW_MS + 1)).next.failures).toBe(1);
    expect(recordFailure(old, plus(SIGN_IN_FAILURE_WINDOW_MS)).lockedNow).toBe(true);
  });

  it("caps the delay", () => {
    const many: ThrottleState = { failures: 30, lastFailureAt: t0, lockedUntil: null };
    expect(recordFailure(many, plus(1)).delayMs).toBe(4000);
  });
});
