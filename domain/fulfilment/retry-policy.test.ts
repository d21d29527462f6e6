import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_SECONDS, nextRetry, parseRetrySchedule } from "./retry-policy";

describe("retry policy", () => {
  it("follows the schedule and then dead-letters", () => {
    const noJitter = () => 0.5;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => nextRetry(n, DEFAULT_RETRY_SCHEDULE_SECONDS, noJitter));
    expect(delays).toEqual([
      { retry: true, delayMs: 10_000 },
      { retry: true, delayMs: 60_000 },
      { retry: true, delayMs: 300_000 },
      { retry: true, delayMs: 900_000 },
      { retry: true, delayMs: 1_800_000 },
      { retry: true, delayMs: 3_600_000 },
      { retry: false },
    ]);
  });

  it("jitters by at most ten per cent either way", () => {
    expect(nextRetry(1, [100], () => 0)).toEqual({ retry: true, delayMs: 90_000 });
    expect(nextRetry(1, [100], () => 1)).toEqual({ retry: true, delayMs: 110_000 });
  });

  it("stays within the marketplace's three-hour window in total", () => {
    const total = DEFAULT_RETRY_SCHEDULE_SECONDS.reduce((sum, s) => sum + s, 0) * 1.1;
    expect(total).toBeLessThan(3 * 3600);
  });

  it("parses a configured schedule and refuses nonsense", () => {
    expect(parseRetrySchedule(" 5, 30,120 ")).toEqual([5, 30, 120]);
    expect(parseRetrySchedule("")).toBeNull();
    expect(parseRetrySchedule("5,abc")).toBeNull();
    expect(parseRetrySchedule("0")).toBeNull();
    expect(parseRetrySchedule("1.5")).toBeNull();
  });
});
