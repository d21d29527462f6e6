// Sessions end after a working day without activity, and after a week whatever happens,
// so a forgotten browser on a shared desk does not keep finance access for ever.
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn each page view into a write.
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

export type SessionVerdict =
  | { valid: true; shouldTouch: boolean; nextExpiresAt: Date }
  | { valid: false; reason: "expired" | "idle" };

export const sessionExpiryFor = (createdAt: Date, lastSeenAt: Date): Date =>
  new Date(
    Math.min(createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS, lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS),
  );

export const evaluateSession = (session: SessionTimes, now: Date): SessionVerdict => {
  const t = now.getTime();
  if (t >= session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS || t >= session.expiresAt.getTime()) {
    return { valid: false, reason: "expired" };
  }
  if (t >= session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS) return { valid: false, reason: "idle" };
  const shouldTouch = t - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
  return { valid: true, shouldTouch, nextExpiresAt: sessionExpiryFor(session.createdAt, now) };
};
