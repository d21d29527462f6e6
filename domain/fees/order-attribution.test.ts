import { describe, expect, it } from "vitest";
import { money } from "./money";
import { attributeOrder, rawOrderField, readOrderQueryFacts, type OrderFacts } from "./order-attribution";

const order = (overrides: Partial<OrderFacts>): OrderFacts => ({
  orderId: "O1",
  orderType: "NEW",
  chargingMode: "PERIOD",
  amount: money("100.00"),
  orderedAt: new Date("2024-05-31T16:30:00Z"),
  testFlag: false,
  ...overrides,
});

describe("period attribution", () => {
  it("books refunds (退订) as negative lines in the month they are settled", () => {
    const line = attributeOrder(order({ orderType: "UNSUBSCRIBE" }));
    expect(line?.kind).toBe("refund");
    expect(line?.amount.toFixed(2)).toBe("-100.00");
    expect(line?.attributedAt.toISOString()).toBe("2024-05-31T16:30:00.000Z");
  });

  it("books a downgrade (negative change) as a refund line", () => {
    expect(attributeOrder(order({ orderType: "CHANGE", amount: money("-20") }))?.kind).toBe("refund");
    expect(attributeOrder(order({ orderType: "CHANGE", amount: money("20") }))?.kind).toBe("change");
  });

  it("leaves out test traffic, trials and orders without an amount", () => {
    expect(attributeOrder(order({ testFlag: true }))).toBeNull();
    expect(attributeOrder(order({ orderType: "TRIAL" }))).toBeNull();
    expect(attributeOrder(order({ amount: null }))).toBeNull();
    expect(attributeOrder(order({ amount: money(0) }))).toBeNull();
  });

  it("names renewals and on-demand lines", () => {
    expect(attributeOrder(order({ orderType: "RENEW" }))?.kind).toBe("renewal");
    expect(attributeOrder(order({ chargingMode: "ON_DEMAND" }))?.kind).toBe("on_demand");
  });

  it("attributes new, change and renewal orders to the effective time the order-query answer carries", () => {
    const raw = { orderInfo: { orderId: "O1", orderLine: [{ orderLineId: "O1-000001", effectiveTime: "20240630170000" }] } };
    const renewal = attributeOrder(order({ orderType: "RENEW", rawOrder: raw }))!;
    // Placed 1 June 00:30 Beijing, effective 1 July 01:00 Beijing: July's bill, but June's policy.
    expect(renewal.attributedAt.toISOString()).toBe("2024-06-30T17:00:00.000Z");
    expect(renewal.placedAt.toISOString()).toBe("2024-05-31T16:30:00.000Z");
    expect(attributeOrder(order({ rawOrder: raw }))?.attributedAt.toISOString()).toBe("2024-06-30T17:00:00.000Z");
    // Refunds and on-demand orders stay at the placing time.
    expect(attributeOrder(order({ orderType: "UNSUBSCRIBE", rawOrder: raw }))?.attributedAt.toISOString()).toBe("2024-05-31T16:30:00.000Z");
    expect(attributeOrder(order({ chargingMode: "ON_DEMAND", rawOrder: raw }))?.attributedAt.toISOString()).toBe("2024-05-31T16:30:00.000Z");
  });

  it("falls back to the placing time when the effective time is missing or unreadable", () => {
    for (const effectiveTime of [undefined, "", "2024-02-30 10:00:00", "tomorrow", "20241301000000"]) {
      const raw = { orderInfo: { effectiveTime, orderLine: [{ orderLineId: "O1-000001" }] } };
      expect(attributeOrder(order({ rawOrder: raw }))?.attributedAt.toISOString(), String(effectiveTime)).toBe("2024-05-31T16:30:00.000Z");
    }
    expect(readOrderQueryFacts({ orderInfo: { effectTime: "2024-06-01 08:00:00 z" } }).effectiveAt?.toISOString()).toBe("2024-06-01T08:00:00.000Z");
    expect(readOrderQueryFacts("not an answer")).toEqual({ effectiveAt: null, billable: true });
  });

  it("reads a line's field before the order's, and skips blanks", () => {
    const raw = { orderInfo: { orderStatus: "已完成", orderLine: [{ orderStatus: " ", serviceSupervisionStatus: "监管中" }] } };
    expect(rawOrderField(raw, ["orderStatus"])).toBe("已完成");
    expect(rawOrderField(raw, ["serviceSupervisionStatus"])).toBe("监管中");
    expect(rawOrderField({ orderInfo: { orderLine: "x" } }, ["orderStatus"])).toBeNull();
  });

  it("keeps unpaid, unrepaid and unsupervised orders out of the bill until they qualify", () => {
    const withInfo = (info: Record<string, unknown>) => order({ rawOrder: { orderInfo: info } });
    expect(attributeOrder(withInfo({ orderStatus: "待支付" }))).toBeNull();
    expect(attributeOrder(withInfo({ orderStatus: "cancelled" }))).toBeNull();
    expect(attributeOrder(withInfo({ orderStatus: "已完成" }))).not.toBeNull();
    expect(attributeOrder(withInfo({ serviceSupervisionStatus: "监管中" }))).toBeNull();
    expect(attributeOrder(withInfo({ serviceSupervisionStatus: "已完成" }))).not.toBeNull();
    expect(attributeOrder(withInfo({ supervisionStatus: "NOT_INVOLVED" }))).not.toBeNull();
    expect(attributeOrder(withInfo({ repaymentStatus: "未还款" }))).toBeNull();
    expect(attributeOrder(withInfo({ repaymentStatus: "已还款" }))).not.toBeNull();
    expect(attributeOrder(order({ rawOrder: null }))).not.toBeNull();
  });
});
