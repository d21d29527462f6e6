import { describe, expect, it } from "vitest";
import {
  evaluateSession,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  sessionExpiryFor,
} from "./session-policy";

const HOUR = 3_600_000;
const created = new Date("2026-11-01T00:00:00Z");
const at = (ms: number) => new Date(created.getTime() + ms);

describe("evaluateSession", () => {
  it("accepts a fresh session without touching it", () => {
    const session = { createdAt: created, lastSeenAt: created, expiresAt: sessionExpiryFor(created, created) };
    expect(evaluateSession(session, at(10_000))).toEqual({
      valid: true,
      shouldTouch: false,
      nextExpiresAt: at(10_000 + SESSION_IDLE_TIMEOUT_MS),
    });
  });

  it("asks for a touch after a minute of activity and slides the idle expiry", () => {
    const session = { createdAt: created, lastSeenAt: created, expiresAt: sessionExpiryFor(created, created) };
    const verdict = evaluateSession(session, at(2 * 60_000));
    expect(verdict).toMatchObject({ valid: true, shouldTouch: true });
    if (verdict.valid) expect(verdict.nextExpiresAt.getTime()).toBe(at(2 * 60_000).getTime() + SESSION_IDLE_TIMEOUT_MS);
  });

  it("ends a session left idle for twelve hours", () => {
    const lastSeenAt = at(HOUR);
    const session = { createdAt: created, lastSeenAt, expiresAt: at(100 * HOUR) };
    expect(evaluateSession(session, at(HOUR + SESSION_IDLE_TIMEOUT_MS))).toEqual({ valid: false, reason: "idle" });
    expect(evaluateSession(session, at(HOUR + SESSION_IDLE_TIMEOUT_MS - 1)).valid).toBe(true);
  });

  it("ends any session after seven days even when active", () => {
    const lastSeenAt = at(SESSION_ABSOLUTE_LIFETIME_MS - 1000);
    const session = { createdAt: created, lastSeenAt, expiresAt: at(SESSION_ABSOLUTE_LIFETIME_MS + HOUR) };
    expect(evaluateSession(session, at(SESSION_ABSOLUTE_LIFETIME_MS))).toEqual({ valid: false, reason: "expired" });
  });

  it("never slides the expiry past the absolute lifetime", () => {
    const late = at(SESSION_ABSOLUTE_LIFETIME_MS - HOUR);
    expect(sessionExpiryFor(created, late)).toEqual(at(SESSION_ABSOLUTE_LIFETIME_MS));
  });

  it("honours the stored expiry (a sign-out elsewhere may shorten it)", () => {
    const session = { createdAt: created, lastSeenAt: created, expiresAt: at(HOUR) };
    expect(evaluateSession(session, at(HOUR))).toEqual({ valid: false, reason: "expired" });
  });
});
