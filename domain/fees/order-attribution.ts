import { money, type Money } from "./money";

// What the console knows about an order today, from the callbacks. The order-query API (查询订单)
// will add the payment, effective and supervision facts; see attributeOrder below.
export type OrderFacts = {
  orderId: string;
  orderType: string | null;
  chargingMode: string | null;
  amount: Money | null;
  createdAt: Date;
  testFlag: boolean;
};

export type LineKind = "new" | "renewal" | "change" | "refund" | "on_demand";

export type AttributedLine = { orderId: string; kind: LineKind; amount: Money; placedAt: Date; attributedAt: Date };

// Reverse orders (退订, 退续费) arrive with a positive amount in the callbacks; the marketplace
// books them as negative lines.
export const REFUND_ORDER_TYPES = ["UNSUBSCRIBE"] as const;
const ZERO_AMOUNT_TYPES = new Set(["TRIAL"]);

// Period attribution (koogallery-money.md §2.2): subscription new → month opened, renewal → month
// effective, on-demand → month consumed, refunds and downgrades → month settled. The callbacks
// carry none of those instants, so every kind is attributed to the order's creation time, which
// is when the marketplace called the console and therefore when it opened or renewed the
// instance. The order-query data will refine: renewal effective time (a renewal placed early
// takes effect at the old expiry), on-demand consumption month, payment / 后付费 repayment and
// 服务监管 completion (orders that are not yet paid, effective and supervised roll to a later
// bill), and per-line product and amount for multi-line orders.
export const attributeOrder = (order: OrderFacts): AttributedLine | null => {
  if (order.testFlag || order.amount === null) return null;
  const type = (order.orderType ?? "NEW").toUpperCase();
  if (ZERO_AMOUNT_TYPES.has(type) || order.amount.isZero()) return null;
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
  return { orderId: order.orderId, kind, amount, placedAt: order.createdAt, attributedAt: order.createdAt };
};
