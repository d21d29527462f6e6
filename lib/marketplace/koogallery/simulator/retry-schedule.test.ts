import { describe, expect, it } from "vitest";
import { compress, nextRetryAt, retryPolicyFor } from "./retry-schedule";

const HOUR = 3_600_000;

describe("the marketplace's retries after a failed callback (§5)", () => {
  it("retries a new purchase hourly for 3 hours, then fails the order", () => {
    const policy = retryPolicyFor("v1", "newInstance");
    expect(policy.offsetsMs).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
    expect(policy.onExhausted).toBe("fail-order");
    expect(retryPolicyFor("v2", "upgradeInstance").offsetsMs).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
  });

  it("retries expiry and release for one hour, licence codes 60 times 2 minutes apart", () => {
    for (const activity of ["expireInstance", "releaseInstance"]) {
      const policy = retryPolicyFor("v1", activity);
      expect(policy.offsetsMs.at(-1)).toBe(HOUR);
      expect(policy.onExhausted).toBe("give-up");
    }
    const codes = retryPolicyFor("v2", "refreshLicenseCode").offsetsMs;
    expect(codes).toHaveLength(60);
    expect(codes[0]).toBe(120_000);
    expect(codes.at(-1)).toBe(2 * HOUR);
    expect(retryPolicyFor("v2", "refreshInstance").offsetsMs.at(-1)).toBe(2 * HOUR);
  });

  it("never retries a query or a change check", () => {
    expect(retryPolicyFor("v2", "queryInstance").offsetsMs).toEqual([]);
    expect(retryPolicyFor("v2", "changeInstanceCheck").offsetsMs).toEqual([]);
  });

  it("compresses time: a 3-hour window in 3 minutes at 60×", () => {
    const first = new Date("2026-11-28T00:00:00Z");
    const policy = retryPolicyFor("v1", "newInstance");
    expect(nextRetryAt(policy, first, 1, 60)?.toISOString()).toBe("2026-11-28T00:01:00.000Z");
    expect(nextRetryAt(policy, first, 3, 60)?.toISOString()).toBe("2026-11-28T00:03:00.000Z");
    expect(nextRetryAt(policy, first, 4, 60)).toBeNull();
    expect(nextRetryAt(policy, first, 1, 1)?.toISOString()).toBe("2026-11-28T01:00:00.000Z");
    expect(compress(1000, 0)).toBe(1000);
  });
});
