// The marketplace moves a bill through these (koogallery-money.md §2.3); operators mirror each move.
// Since 2024-12-24 bills go straight to countersigning: there is no seller-confirmation state.
export const BILL_STATUSES = [
  "countersigning", // 会签中
  "countersign_rejected", // 会签驳回
  "awaiting_invoice", // 待开票
  "invoice_review", // 发票待审核
  "awaiting_payment_request", // 待申付
  "payment_request_failed", // 申付单创建失败
  "payment_processing", // 申付处理中
  "payment_info_error", // 支付信息错误
  "payment_rejected", // 申付被驳回
  "paid", // 已支付
] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export const INITIAL_BILL_STATUS: BillStatus = "countersigning";

// Only bills Huawei invoices the customer for (联营, 严选, 华为商品) pass the invoice stage.
export const INVOICE_STATUSES: readonly BillStatus[] = ["awaiting_invoice", "invoice_review"];

export const isBillStatus = (value: unknown): value is BillStatus =>
  typeof value === "string" && (BILL_STATUSES as readonly string[]).includes(value);
