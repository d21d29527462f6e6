import { MARKETPLACE_DEADLINE_MS } from "@/domain/fulfilment/retry-policy";

export const ALERT_STATES = ["first_failure", "deadline_near", "dead"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

// Only these events leave the marketplace waiting (it polls queryInstance, then refunds the buyer
// at its deadline); for the others the callback was answered long ago.
export const DEADLINE_EVENT_TYPES = ["instance.created", "instance.upgraded"] as const;

// Half an hour is enough for an operator to fix the SaaS (or complete by hand) and re-run.
export const DEADLINE_WARNING_MS = 30 * 60_000;

export const deadlineOf = (eventType: string, createdAt: Date): Date | null => {
  const window = MARKETPLACE_DEADLINE_MS[eventType];
  return window === undefined ? null : new Date(createdAt.getTime() + window);
};

// Worst first: the order alerts are listed in, and which state wins when several hold at once.
export const ALERT_STATE_RANK: Record<AlertState, number> = { dead: 0, deadline_near: 1, first_failure: 2 };
