import { describe, expect, it } from "vitest";
import { REMINDER_DAYS, deadlineState, invoiceDeadline } from "./deadline";

describe("invoiceDeadline", () => {
  it("is the same Beijing calendar day one month later", () => {
    expect(invoiceDeadline(new Date("2026-11-05T02:00:00Z"))).toBe("2026-12-05");
    // 2026-11-30 20:00 UTC is already 12-01 in Beijing.
    expect(invoiceDeadline(new Date("2026-11-30T20:00:00Z"))).toBe("2027-01-01");
  });

  it("clamps to the last day of a shorter month and crosses the year", () => {
    expect(invoiceDeadline(new Date("2027-01-31T04:00:00Z"))).toBe("2027-02-28");
    expect(invoiceDeadline(new Date("2028-01-31T04:00:00Z"))).toBe("2028-02-29");
    expect(invoiceDeadline(new Date("2026-12-15T04:00:00Z"))).toBe("2027-01-15");
  });
});

describe("deadlineState", () => {
  const noticeAt = new Date("2026-11-05T02:00:00Z"); // deadline 2026-12-05

  it("shows nothing due once every invoice is issued, even late", () => {
    expect(deadlineState({ noticeAt, now: new Date("2027-03-01T00:00:00Z"), allIssued: true })).toEqual({ kind: "issued" });
  });

  it("counts days left in Beijing days", () => {
    expect(deadlineState({ noticeAt, now: new Date("2026-11-10T00:00:00Z"), allIssued: false })).toEqual({
      kind: "due",
      deadline: "2026-12-05",
      daysLeft: 25,
    });
  });

  it("warns within the reminder window, through the last day", () => {
    expect(deadlineState({ noticeAt, now: new Date("2026-11-28T00:00:00Z"), allIssued: false })).toEqual({
      kind: "dueSoon",
      deadline: "2026-12-05",
      daysLeft: REMINDER_DAYS,
    });
    expect(deadlineState({ noticeAt, now: new Date("2026-12-05T15:59:00Z"), allIssued: false })).toMatchObject({ kind: "dueSoon", daysLeft: 0 });
  });

  it("is overdue from the next Beijing day", () => {
    expect(deadlineState({ noticeAt, now: new Date("2026-12-05T16:00:00Z"), allIssued: false })).toEqual({
      kind: "overdue",
      deadline: "2026-12-05",
      daysOverdue: 1,
    });
  });
});
