import { addMonths, beijingDate, beijingMonthStart } from "./beijing-month";
import type { ProductCategory } from "./fee-policy";

// The documented timeline (koogallery-money.md §2.3): the bill is generated on the 3rd of the
// next month (next working day on holidays), reviewed and sent within 2 working days, countersigned
// within 8, paid within 6; bills the seller invoices Huawei for add 2 days of invoice checking.
// Public holidays are not known in advance, so only weekends are skipped unless the caller lists
// holidays: the date is the earliest the money can arrive, not a promise.
const REVIEW_DAYS = 2;
const COUNTERSIGN_DAYS = 8;
const INVOICE_CHECK_DAYS = 2;
const PAYMENT_DAYS = 6;

const isWorkingDay = (isoDate: string, holidays: ReadonlySet<string>): boolean => {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(isoDate);
};

const nextDay = (isoDate: string): string => new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

const addWorkingDays = (isoDate: string, days: number, holidays: ReadonlySet<string>): string => {
  let date = isoDate;
  for (let left = days; left > 0; ) {
    date = nextDay(date);
    if (isWorkingDay(date, holidays)) left--;
  }
  return date;
};

export const billGenerationDate = (month: string, holidays: ReadonlySet<string> = new Set()): string => {
  let date = beijingDate(beijingMonthStart(addMonths(month, 1))).slice(0, 8) + "03";
  while (!isWorkingDay(date, holidays)) date = nextDay(date);
  return date;
};

export const expectedPaymentDate = (month: string, category: ProductCategory, holidays: ReadonlySet<string> = new Set()): string => {
  const days = REVIEW_DAYS + COUNTERSIGN_DAYS + PAYMENT_DAYS + (category === "general" ? 0 : INVOICE_CHECK_DAYS);
  return addWorkingDays(billGenerationDate(month, holidays), days, holidays);
};
