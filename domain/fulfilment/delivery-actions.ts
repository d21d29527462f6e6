// Which operator action a delivery in a given status allows: one table for the actions themselves
// and for the pages that decide which buttons to offer.
export const RERUNNABLE_STATUSES = ["dead", "cancelled", "resolved", "pending", "succeeded"] as const;
export const CANCELLABLE_STATUSES = ["pending", "dead", "awaiting_operator"] as const;
export const RESOLVABLE_STATUSES = ["dead", "awaiting_operator", "cancelled"] as const;

export const isIn = (statuses: readonly string[], status: string): boolean => statuses.includes(status);
