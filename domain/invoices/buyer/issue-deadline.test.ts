import { describe, expect, it } from "vitest";
import { issueDaysLeft } from "./issue-deadline";

describe("issueDaysLeft", () => {
  const requestedAt = new Date("2026-11-10T03:00:00Z"); // 11-10 Beijing
  it("counts 7 Beijing days from the request", () => {
    expect(issueDaysLeft(requestedAt, new Date("2026-11-10T15:00:00Z"))).toBe(7);
    expect(issueDaysLeft(requestedAt, new Date("2026-11-10T16:00:00Z"))).toBe(6); // 11-11 in Beijing
    expect(issueDaysLeft(requestedAt, new Date("2026-11-17T08:00:00Z"))).toBe(0);
    expect(issueDaysLeft(requestedAt, new Date("2026-11-19T08:00:00Z"))).toBe(-2);
  });
});
