import type { Deps } from "@/server/deps";

// Idempotent clean-ups: several workers may run them at once without harm.
// A request still "received" a minute after it arrived was never answered: its process died
// mid-handling. It is kept, and flagged for an operator to review.
const UNANSWERED_AFTER_MS = 60_000;

export const runHousekeeping = async (
  deps: Pick<Deps, "db" | "now">,
): Promise<{ sessions: number; throttles: number; nonces: number; needsReview: number }> => {
  const now = deps.now();
  const sessions = await deps.db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const throttles = await deps.db.signInThrottle.deleteMany({
    where: { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }], lastFailureAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  const nonces = await deps.db.callbackNonce.deleteMany({ where: { expiresAt: { lt: now } } });
  const needsReview = await deps.db.inboundRequest.updateMany({
    where: { state: "received", receivedAt: { lt: new Date(now.getTime() - UNANSWERED_AFTER_MS) } },
    data: { state: "needs_review" },
  });
  return { sessions: sessions.count, throttles: throttles.count, nonces: nonces.count, needsReview: needsReview.count };
};
