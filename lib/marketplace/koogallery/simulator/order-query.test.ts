import { describe, expect, it } from "vitest";
import { buildOrderInfo, MOCK_ORDER_IDS, mockOrder, selectOrderLine } from "./order-query";

describe("the simulated order-query API (§7.1)", () => {
  it("knows every documented mock order, with its type and charging mode", () => {
    expect(MOCK_ORDER_IDS).toEqual([
      "MOCKPERIODYEARNEW",
      "MOCKONETIMENEW",
      "MOCKONDEMAND",
      "MOCKONDEMANDPKG",
      "MOCKPERIODDAYTRIAL",
      "MOCKMONTYTRIALTOFORMAL",
      "MOCKMONTYUNSUBSCRIBE",
      "MOCKMONTYRENEW",
      "MOCKMONTYCHANGE",
    ]);
    const now = new Date("2026-11-28T10:20:30Z");
    const info = buildOrderInfo(mockOrder("MOCKPERIODYEARNEW", now)!);
    expect(info).toMatchObject({ orderId: "MOCKPERIODYEARNEW", orderType: "NEW", createTime: "20261128102030" });
    expect(info.orderLine[0]).toMatchObject({ orderLineId: "MOCKPERIODYEARNEW-000001", chargingMode: "PERIOD", expireTime: "20271128102030" });
    expect(buildOrderInfo(mockOrder("MOCKONETIMENEW", now)!).orderLine[0]).not.toHaveProperty("expireTime");
    expect(mockOrder("MOCKMONTYTRIALTOFORMAL", now)?.orderType).toBe("TRIAL_TO_FORMAL");
    expect(mockOrder("CSUNKNOWN", now)).toBeNull();
  });

  it("narrows to the asked order line, or finds nothing", () => {
    const order = mockOrder("MOCKONDEMAND", new Date())!;
    expect(selectOrderLine(order, "MOCKONDEMAND-000001")?.lines).toHaveLength(1);
    expect(selectOrderLine(order, undefined)).toBe(order);
    expect(selectOrderLine(order, "MOCKONDEMAND-000002")).toBeNull();
  });
});
