import { parseLicenseTime } from "@/lib/marketplace/koogallery/time-formats";
import { money, type Money } from "./money";

// What the console stores about an order: the callbacks' facts, and once the order-query API
// (查询订单) has been asked, its whole answer (orders.raw_order).
export type OrderFacts = {
  orderId: string;
  orderType: string | null;
  chargingMode: string | null;
  amount: Money | null;
  // When the buyer placed the order: the answer's createTime, else when the first callback came.
  orderedAt: Date;
  testFlag: boolean;
  rawOrder?: unknown;
};

export type LineKind = "new" | "renewal" | "change" | "refund" | "on_demand";

export type AttributedLine = { orderId: string; kind: LineKind; amount: Money; placedAt: Date; attributedAt: Date };

// Reverse orders (退订, 退续费) arrive with a positive amount in the callbacks; the marketplace
// books them as negative lines.
export const REFUND_ORDER_TYPES = ["UNSUBSCRIBE"] as const;
const ZERO_AMOUNT_TYPES = new Set(["TRIAL"]);

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const asText = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const text = (typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value)).trim();
  return text === "" ? null : text;
};

// A field of the stored answer: the first order line's, else the order's, first of the names
// that is present and not blank. The answer's fields beyond createTime / orderLine were not
// captured (koogallery-callbacks.md §13.7), so the names seen on the seller pages are tried.
// The SQL twin is fee_raw_field (migration 20261128000010_fee_rollups.sql).
export const rawOrderField = (raw: unknown, names: readonly string[]): string | null => {
  const info = record(record(raw)?.orderInfo);
  const lines = info?.orderLine;
  const line = Array.isArray(lines) ? record(lines[0]) : null;
  for (const source of [line, info]) {
    if (!source) continue;
    for (const name of names) {
      const value = asText(source[name]);
      if (value !== null) return value;
    }
  }
  return null;
};

const EFFECTIVE_TIME_FIELDS = ["effectiveTime", "effectTime"];
const ORDER_STATUS_NOT_PAID = new Set(["待支付", "已取消", "UNPAID", "PENDING_PAYMENT", "CANCELLED", "CANCELED"]);
const SUPERVISION_DONE = new Set(["不涉及", "已完成", "NOT_INVOLVED", "NOT_APPLICABLE", "COMPLETED", "FINISHED"]);
const REPAYMENT_DONE = new Set(["不涉及", "已还款", "NOT_INVOLVED", "NOT_APPLICABLE", "REPAID"]);

export type OrderQueryFacts = { effectiveAt: Date | null; billable: boolean };

// koogallery-money.md §2.2: an order enters a bill once it is paid (and repaid when bought on
// credit), its 服务监管 is 不涉及 or 已完成, and it has taken effect. A missing field counts as
// met: the marketplace only calls the console for paid orders, and most SaaS products have no
// supervision. When the order later meets the conditions the marketplace books it in that later
// period; the answer's time of that is not known, so such an order is attributed to its
// effective time like any other once it is billable.
export const readOrderQueryFacts = (raw: unknown): OrderQueryFacts => {
  const upper = (names: string[]) => rawOrderField(raw, names)?.toUpperCase() ?? null;
  const status = upper(["orderStatus"]);
  const supervision = upper(["serviceSupervisionStatus", "supervisionStatus"]);
  const repayment = upper(["repaymentStatus", "postpaidRepaymentStatus"]);
  const billable =
    (status === null || !ORDER_STATUS_NOT_PAID.has(status)) &&
    (supervision === null || SUPERVISION_DONE.has(supervision)) &&
    (repayment === null || REPAYMENT_DONE.has(repayment));
  const effective = rawOrderField(raw, EFFECTIVE_TIME_FIELDS);
  const parsed = effective === null ? null : parseLicenseTime(effective);
  return { effectiveAt: parsed?.ok && parsed.date.getUTCFullYear() >= 1 ? parsed.date : null, billable };
};

// Period attribution (koogallery-money.md §2.2): subscription new → month opened, renewal → month
// effective, on-demand → month consumed, refunds and downgrades → month settled.
// - New, change and renewal orders: the effective time the order-query answer carries (a renewal
//   placed early takes effect at the old expiry); without one, the placing time, which for a
//   new purchase is when the marketplace asked the console to open the instance.
// - On-demand: the consumption month is not on the order (usage is metered per instance), so the
//   placing time; refunds: the refund order's placing time stands for the month it is settled.
// - The policy in force is chosen by the placing time (orders placed before a change keep the
//   old terms, fee-policy.ts).
// The SQL twin is the view fee_order_attribution; the integration test compares them order by order.
export const attributeOrder = (order: OrderFacts): AttributedLine | null => {
  if (order.testFlag || order.amount === null) return null;
  const type = (order.orderType ?? "NEW").toUpperCase();
  if (ZERO_AMOUNT_TYPES.has(type) || order.amount.isZero()) return null;
  const facts = readOrderQueryFacts(order.rawOrder ?? null);
  if (!facts.billable) return null;
  const isRefund = (REFUND_ORDER_TYPES as readonly string[]).includes(type);
  const amount = isRefund ? order.amount.abs().negated() : money(order.amount);
  const kind: LineKind = isRefund
    ? "refund"
    : order.chargingMode === "ON_DEMAND"
      ? "on_demand"
      : type === "RENEW"
        ? "renewal"
        : type === "CHANGE"
          ? amount.isNegative()
            ? "refund"
            : "change"
          : "new";
  const attributedAt = kind === "new" || kind === "change" || kind === "renewal" ? (facts.effectiveAt ?? order.orderedAt) : order.orderedAt;
  return { orderId: order.orderId, kind, amount, placedAt: order.orderedAt, attributedAt };
};
