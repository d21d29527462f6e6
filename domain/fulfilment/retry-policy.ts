// The marketplace gives up on a new purchase three hours after its first callback (hourly retries,
// then a refund), so the default schedule spends well under an hour before dead-lettering: an
// operator still has time to fix the SaaS and re-run before the buyer is refunded.
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [10, 60, 300, 900, 1800, 3600] as const;

// ±10 %: many deliveries failing together (the SaaS was down) do not all come back at once.
export const RETRY_JITTER = 0.1;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

// `failedAttempts` counts the attempts of this round that have failed, the current one included.
export const nextRetry = (failedAttempts: number, scheduleSeconds: readonly number[], random: () => number): RetryDecision => {
  const base = scheduleSeconds[failedAttempts - 1];
  if (base === undefined) return { retry: false };
  const jitter = 1 + RETRY_JITTER * (2 * random() - 1);
  return { retry: true, delayMs: Math.round(base * 1000 * jitter) };
};

export const parseRetrySchedule = (text: string): number[] | null => {
  const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 20) return null;
  const values = parts.map(Number);
  return values.every((value) => Number.isInteger(value) && value >= 1 && value <= 86_400) ? values : null;
};

// The marketplace's own patience (§5): a new purchase or upgrade is failed and refunded three hours
// after its first callback; expire and release are retried for an hour.
export const MARKETPLACE_DEADLINE_MS: Record<string, number> = {
  "instance.created": 3 * 3_600_000,
  "instance.upgraded": 3 * 3_600_000,
  "instance.frozen": 3_600_000,
  "instance.released": 3_600_000,
};
