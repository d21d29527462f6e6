// A buyer's invoice request (给用户开票, koogallery-money.md §3c):
// 待审核 → 待开票 → 待签收 → 已完成, or 驳回 from 待审核 (which cancels the request); 退票 only from 已完成.
export const BUYER_INVOICE_STATUSES = [
  "pending_review", // 待审核
  "awaiting_issue", // 待开票
  "awaiting_receipt", // 待签收
  "completed", // 已完成
  "rejected", // 已驳回 (撤销开票)
  "returned", // 已退票
] as const;
export type BuyerInvoiceStatus = (typeof BUYER_INVOICE_STATUSES)[number];

export const BUYER_INVOICE_ACTIONS = ["approve", "reject", "issue", "sign", "return"] as const;
export type BuyerInvoiceAction = (typeof BUYER_INVOICE_ACTIONS)[number];

// The only moves there are. Anything not listed is refused.
export const BUYER_INVOICE_TRANSITIONS: Readonly<Record<BuyerInvoiceAction, { from: BuyerInvoiceStatus; to: BuyerInvoiceStatus }>> = {
  approve: { from: "pending_review", to: "awaiting_issue" },
  reject: { from: "pending_review", to: "rejected" },
  issue: { from: "awaiting_issue", to: "awaiting_receipt" },
  sign: { from: "awaiting_receipt", to: "completed" },
  return: { from: "completed", to: "returned" },
};

// Actions that need a reason typed by the operator.
export const ACTIONS_NEEDING_REASON: readonly BuyerInvoiceAction[] = ["reject", "return"];

export const isBuyerInvoiceStatus = (value: unknown): value is BuyerInvoiceStatus =>
  typeof value === "string" && (BUYER_INVOICE_STATUSES as readonly string[]).includes(value);

export type TransitionVerdict = { allowed: true; to: BuyerInvoiceStatus } | { allowed: false };

export const transitionFor = (from: BuyerInvoiceStatus, action: BuyerInvoiceAction): TransitionVerdict => {
  const move = BUYER_INVOICE_TRANSITIONS[action];
  return move.from === from ? { allowed: true, to: move.to } : { allowed: false };
};

/** Whether a request may go straight from one status to another, by any action. */
export const canMove = (from: BuyerInvoiceStatus, to: BuyerInvoiceStatus): boolean =>
  BUYER_INVOICE_ACTIONS.some((action) => {
    const move = BUYER_INVOICE_TRANSITIONS[action];
    return move.from === from && move.to === to;
  });

/** The actions the console offers for a request in this status. */
export const actionsFor = (status: BuyerInvoiceStatus): BuyerInvoiceAction[] =>
  BUYER_INVOICE_ACTIONS.filter((action) => BUYER_INVOICE_TRANSITIONS[action].from === status);

// Once issued (待签收 or 已完成) the buyer holds an invoice until it is returned.
export const HOLDS_ISSUED_INVOICE: readonly BuyerInvoiceStatus[] = ["awaiting_receipt", "completed"];
// Still open: no invoice yet, but one may be issued.
export const OPEN_REQUEST: readonly BuyerInvoiceStatus[] = ["pending_review", "awaiting_issue"];
