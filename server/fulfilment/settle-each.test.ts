import { describe, expect, it } from "vitest";
import { settleEach } from "@/server/fulfilment/run-deliveries";

describe("settleEach (a batch of deliveries in flight)", () => {
  it("never runs more than the limit at once and finishes every item", async () => {
    let running = 0;
    let peak = 0;
    const results = await settleEach([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5 * (n % 3)));
      running--;
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ status: "fulfilled", value: n * 10 })));
  });

  it("one failing item abandons none of the others, and its error is kept in its place", async () => {
    const finished: number[] = [];
    const results = await settleEach([1, 2, 3, 4], 2, async (n) => {
      if (n === 1) throw new Error("database gone for this one");
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished.push(n);
      return n;
    });
    expect(finished.sort()).toEqual([2, 3, 4]);
    expect(results[0]).toMatchObject({ status: "rejected", reason: new Error("database gone for this one") });
    expect(results.slice(1)).toEqual([2, 3, 4].map((value) => ({ status: "fulfilled", value })));
  });

  it("handles an empty batch", async () => {
    expect(await settleEach([], 4, async () => 1)).toEqual([]);
  });
});
