import type { Deps } from "@/server/deps";

// Idempotent clean-ups: several workers may run them at once without harm.
export const runHousekeeping = async (deps: Pick<Deps, "db" | "now">): Promise<{ sessions: number; throttles: number }> => {
  const now = deps.now();
  const sessions = await deps.db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const throttles = await deps.db.signInThrottle.deleteMany({
    where: { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }], lastFailureAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return { sessions: sessions.count, throttles: throttles.count };
};
