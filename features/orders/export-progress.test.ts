import { describe, expect, it } from "vitest";
import { exportIsOpen, exportPercent } from "@/features/orders/export-progress";

describe("export progress", () => {
  it("is rows written over the total, rounded down", () => {
    expect(exportPercent({ rowsDone: 0, total: 1_000_000, status: "running" })).toBe(0);
    expect(exportPercent({ rowsDone: 254_999, total: 1_000_000, status: "running" })).toBe(25);
  });

  it("never claims 100 % before the server has finished, even past an estimated total", () => {
    expect(exportPercent({ rowsDone: 1_000_000, total: 1_000_000, status: "running" })).toBe(99);
    expect(exportPercent({ rowsDone: 1_020_000, total: 1_000_000, status: "running" })).toBe(99);
    expect(exportPercent({ rowsDone: 980_000, total: 1_000_000, status: "finished" })).toBe(100);
  });

  it("an empty filter starts at 0 and finishes at 100", () => {
    expect(exportPercent({ rowsDone: 0, total: 0, status: "ready" })).toBe(0);
    expect(exportPercent({ rowsDone: 0, total: 0, status: "finished" })).toBe(100);
  });

  it("keeps polling only while the export can still move", () => {
    expect(["ready", "running", "finished", "cancelled", "failed"].map((s) => exportIsOpen(s as "ready"))).toEqual([true, true, false, false, false]);
  });
});
