import type { Deps } from "@/server/deps";

// A nonce is remembered for twice the timestamp tolerance: any request carrying it later would
// also fail the timestamp check, so nothing older needs keeping. One table for every process.
export const claimNonce = async (nonce: string, timestampMs: number, toleranceMs: number, deps: Pick<Deps, "db" | "now">) => {
  const expiresAt = new Date(Math.max(timestampMs, deps.now().getTime()) + 2 * toleranceMs);
  const inserted = await deps.db.$executeRaw`
    INSERT INTO callback_nonces (nonce, seen_at, expires_at) VALUES (${nonce}, ${deps.now()}, ${expiresAt})
    ON CONFLICT (nonce) DO NOTHING`;
  return inserted === 1;
};
