import type { Deps } from "@/server/deps";

// Each task must be safe to run in any number of processes at once (claims use FOR UPDATE SKIP
// LOCKED, clean-ups are idempotent).
export type PeriodicTask = { name: string; everyMs: number; run: (deps: Deps) => Promise<unknown> };
