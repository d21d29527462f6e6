import { beijingDate } from "@/domain/fees/beijing-month";

// The seller invoices Huawei "within 1 month of the invoicing notice" (koogallery-money.md §3a). The notice
// is sent when the bill reaches 待开票; the console only knows when an operator recorded that status, and a
// notice read late does not move Huawei's clock. Safe reading: the month starts at the FIRST time the bill
// was recorded as 待开票 (or the notice date finance entered, if earlier), and the last day is the same
// calendar day one month later in Beijing time (clamped to the month's last day: 01-31 → 02-28/29).

export const REMINDER_DAYS = 7;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day (Beijing, YYYY-MM-DD) to issue the invoices for a notice received at noticeAt. */
export const invoiceDeadline = (noticeAt: Date): string => {
  const [y, m, d] = beijingDate(noticeAt).split("-").map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

export type DeadlineState =
  | { kind: "issued" }
  | { kind: "due"; deadline: string; daysLeft: number }
  | { kind: "dueSoon"; deadline: string; daysLeft: number }
  | { kind: "overdue"; deadline: string; daysOverdue: number };

/** The badge: issued once every invoice is recorded; otherwise days left (0 = today is the last day) or overdue. */
export const deadlineState = (input: { noticeAt: Date; now: Date; allIssued: boolean }): DeadlineState => {
  if (input.allIssued) return { kind: "issued" };
  const deadline = invoiceDeadline(input.noticeAt);
  const daysLeft = dayNumber(deadline) - dayNumber(beijingDate(input.now));
  if (daysLeft < 0) return { kind: "overdue", deadline, daysOverdue: -daysLeft };
  if (daysLeft <= REMINDER_DAYS) return { kind: "dueSoon", deadline, daysLeft };
  return { kind: "due", deadline, daysLeft };
};
