import { describe, expect, it } from "vitest";
import { money } from "./money";
import { attributeOrder, type OrderFacts } from "./order-attribution";

const order = (overrides: Partial<OrderFacts>): OrderFacts => ({
  orderId: "O1",
  orderType: "NEW",
  chargingMode: "PERIOD",
  amount: money("100.00"),
  createdAt: new Date("2024-05-31T16:30:00Z"),
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
});
