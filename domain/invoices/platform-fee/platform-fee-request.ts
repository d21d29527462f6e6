import { money, sumMoney, ZERO, type Money } from "@/domain/fees/money";

// The platform-fee invoice the seller requests from Huawei for paid general-product bills
// (koogallery-money.md §3b): bills paid under one 申付单 go together, negative orders are
// forcibly included, and the invoice is for the net platform fee.

export type EligibleLine = { orderId: string; kind: string; amount: string; platformFee: string };
// A bill as the selection needs it: its platform fee split into the positive lines' and the
// negative lines' sums, and the negative lines themselves (a bill may hold thousands of positive ones).
export type EligibleBill = {
  uuid: string;
  billId: string;
  paymentRequestNo: string | null;
  positiveFee: string;
  negativeFee: string;
  negativeLines: EligibleLine[];
};

export type NegativeLine = EligibleLine & { billUuid: string; billId: string };

export type Selection = {
  /** Every bill in the request, in the order of the eligible list. */
  billUuids: string[];
  /** Bills included whatever the seller ticks, because they carry negative orders. */
  forcedBillUuids: string[];
  negativeLines: NegativeLine[];
  positive: Money;
  negative: Money;
  net: Money;
};

export type SelectionProblem = "unknownBill" | "empty" | "netNotPositive";

const groupKey = (bill: EligibleBill): string => (bill.paymentRequestNo ? `pr:${bill.paymentRequestNo}` : `bill:${bill.uuid}`);

/** A line the marketplace books negative: a refund, downgrade or pay-per-use conversion. */
export const isNegativeLine = (line: Pick<EligibleLine, "amount" | "platformFee">): boolean =>
  money(line.platformFee).isNegative() || money(line.amount).isNegative();

export const hasNegativeLines = (bill: EligibleBill): boolean => bill.negativeLines.length > 0;

/** The bills that tick together with `uuid` (the same 申付单), including itself. */
export const groupMates = (eligible: readonly EligibleBill[], uuid: string): string[] => {
  const bill = eligible.find((candidate) => candidate.uuid === uuid);
  if (!bill) return [];
  const key = groupKey(bill);
  return eligible.filter((candidate) => groupKey(candidate) === key).map((candidate) => candidate.uuid);
};

/** Bills that are always in the request: those with negative orders, and their 申付单 mates. */
export const forcedBills = (eligible: readonly EligibleBill[]): string[] => {
  const keys = new Set(eligible.filter(hasNegativeLines).map(groupKey));
  return eligible.filter((bill) => keys.has(groupKey(bill))).map((bill) => bill.uuid);
};

/**
 * What a request made of the ticked bills contains: the ticks widened to whole 申付单 groups, plus
 * every forced bill; amounts summed line by line in decimal.
 */
export const resolveSelection = (
  eligible: readonly EligibleBill[],
  ticked: readonly string[],
): { ok: true; selection: Selection } | { ok: false; problem: SelectionProblem; billUuid?: string } => {
  const unknown = ticked.find((uuid) => !eligible.some((bill) => bill.uuid === uuid));
  if (unknown) return { ok: false, problem: "unknownBill", billUuid: unknown };
  const forced = forcedBills(eligible);
  const keys = new Set(
    [...ticked, ...forced].map((uuid) => groupKey(eligible.find((bill) => bill.uuid === uuid)!)),
  );
  const bills = eligible.filter((bill) => keys.has(groupKey(bill)));
  if (bills.length === 0) return { ok: false, problem: "empty" };
  const positive = sumMoney(bills.map((bill) => money(bill.positiveFee)));
  const negative = sumMoney(bills.map((bill) => money(bill.negativeFee)));
  const net = positive.plus(negative);
  const selection: Selection = {
    billUuids: bills.map((bill) => bill.uuid),
    forcedBillUuids: forced,
    negativeLines: bills.flatMap((bill) => bill.negativeLines.map((line) => ({ ...line, billUuid: bill.uuid, billId: bill.billId }))),
    positive,
    negative,
    net,
  };
  if (!net.greaterThan(ZERO)) return { ok: false, problem: "netNotPositive" };
  return { ok: true, selection };
};

// Request lifecycle: requested → issued (invoice number, PDF) → returned (退回发票). Nothing else.
export const REQUEST_STATUSES = ["requested", "issued", "returned"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ["issue", "attachPdf", "return"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const ALLOWED: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  issue: { from: ["requested"], to: "issued" },
  attachPdf: { from: ["issued"], to: "issued" },
  return: { from: ["issued"], to: "returned" },
};

/** The status after `action`, or null when the action is refused in `from`. */
export const nextStatus = (from: RequestStatus, action: RequestAction): RequestStatus | null =>
  ALLOWED[action].from.includes(from) ? ALLOWED[action].to : null;

export const isOpenStatus = (status: RequestStatus): boolean => status !== "returned";

export const isRequestStatus = (value: unknown): value is RequestStatus =>
  typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);

// Returning an invoice (§3b): 已抵扣认证 → a detailed reason; otherwise the invoice goes back by
// courier, so courier and tracking number are needed too.
export type ReturnDetails = { reason: string; credited: boolean; courier: string; trackingNumber: string };
export type ReturnIssue = { path: "reason" | "courier" | "trackingNumber"; code: string };

export const validateReturn = (details: ReturnDetails): ReturnIssue[] => {
  const issues: ReturnIssue[] = [];
  if (details.reason.trim().length < (details.credited ? 10 : 1)) {
    issues.push({ path: "reason", code: details.credited ? "invoices.platformFee.errors.reasonDetailed" : "invoices.platformFee.errors.required" });
  }
  if (!details.credited) {
    if (!details.courier.trim()) issues.push({ path: "courier", code: "invoices.platformFee.errors.required" });
    if (!/^[A-Za-z0-9-]{6,40}$/.test(details.trackingNumber.trim())) {
      issues.push({ path: "trackingNumber", code: details.trackingNumber.trim() ? "invoices.platformFee.errors.trackingNumberInvalid" : "invoices.platformFee.errors.required" });
    }
  }
  return issues;
};

// The issued PDF is kept in the database: small, and really a PDF.
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
export type PdfProblem = "empty" | "tooLarge" | "notPdf";

export const checkPdf = (bytes: Uint8Array, maxBytes = MAX_PDF_BYTES): PdfProblem | null => {
  if (bytes.byteLength === 0) return "empty";
  if (bytes.byteLength > maxBytes) return "tooLarge";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 5) !== "%PDF-" || !ascii(Math.max(0, bytes.byteLength - 1024), bytes.byteLength).includes("%%EOF")) return "notPdf";
  return null;
};

export const toNetString = (value: Money): string => value.toFixed(2);
