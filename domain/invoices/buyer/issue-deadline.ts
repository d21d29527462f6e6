import { beijingDate } from "@/domain/fees/beijing-month";

// The seller issues within 7 days of the buyer's request (koogallery-money.md §3c). Counted in Beijing
// calendar days from the request day; 0 means today is the last day, negative means late.
export const ISSUE_DAYS = 7;

const dayNumber = (instant: Date): number => Date.parse(`${beijingDate(instant)}T00:00:00Z`) / 86_400_000;

export const issueDaysLeft = (requestedAt: Date, now: Date): number => ISSUE_DAYS - (dayNumber(now) - dayNumber(requestedAt));
