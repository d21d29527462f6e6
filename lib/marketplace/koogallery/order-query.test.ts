import { describe, expect, it } from "vitest";
import { computeApigSignature, signApigRequest, verifyApigRequest } from "./apig-signer";
import {
  buildOrderQueryUrl,
  isReverseOrderType,
  normalizeChargingMode,
  parseMarketplaceAmount,
  parseOrderQueryAnswer,
  signedAmount,
  sumAmounts,
} from "./order-query";
import { buildOrderInfo, mockOrder, ORDER_QUERY_SUCCESS } from "./simulator/order-query";

describe("AK/SK signing of the order query (§2.9 vectors)", () => {
  it("reproduces the official APIG document's signature", () => {
    const stringToSign = "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a";
    expect(computeApigSignature(stringToSign, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")).toBe(
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  it("reproduces the third-party gem's licence-activate signature (trailing / on the URI)", () => {
    const signed = signApigRequest(
      {
        method: "POST",
        url: "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate",
        headers: { "x-stage": "RELEASE", "X-Sdk-Date": "20240317T144237Z", "Content-Type": "application/json" },
        body: "",
      },
      { accessKey: "AK", secretKey: "123" },
    );
    expect(signed.signature).toBe("77595ad624b6e4e49990b8c4e84bf1c287457fca61069c4e60b9b6765b52053d");
  });

  it("signs an order-query URL that the gateway's verifier accepts, and only with the right SK", () => {
    const now = new Date("2026-11-28T02:00:00Z");
    const url = buildOrderQueryUrl("https://mkt.myhuaweicloud.com", "CS2207261447AUY4H", "CS2207261447AUY4H-000001");
    expect(url).toBe(
      "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001",
    );
    const signed = signApigRequest({ method: "GET", url, headers: { "Content-Type": "application/json;charset=UTF-8" } }, { accessKey: "AK1", secretKey: "SK1" }, now);
    const verify = (sk: string) => verifyApigRequest({ request: { method: "GET", url, headers: signed.headers }, resolveSecretKey: () => sk, now });
    expect(verify("SK1")).toEqual({ ok: true, accessKey: "AK1" });
    expect(verify("SK2")).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("keeps a base URL's path prefix (a proxy or the simulator)", () => {
    expect(buildOrderQueryUrl("http://127.0.0.1:3000/api/simulator/koogallery/", "A B")).toBe(
      "http://127.0.0.1:3000/api/simulator/koogallery/api/mkp-openapi-public/global/v1/order/query?orderId=A+B",
    );
  });
});

describe("amount parsing", () => {
  it.each([
    ["199", "199.000"],
    ["199.1", "199.100"],
    ["0.005", "0.005"],
    ["-100.00", "-100.000"],
    [12.34, "12.340"],
    ["12345678901234567.999", "12345678901234567.999"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseMarketplaceAmount(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[undefined], [null], [""]])("treats %j as no amount", (input) => {
    expect(parseMarketplaceAmount(input)).toEqual({ ok: true, value: null });
  });

  it.each([["1.2345"], ["1e3"], ["abc"], ["1,000.00"], [Number.NaN], [true]])("refuses %j rather than rounding or guessing", (input) => {
    expect(parseMarketplaceAmount(input).ok).toBe(false);
  });

  it("makes refunds negative whatever sign the answer used, and sums exactly", () => {
    expect(signedAmount("100.000", "UNSUBSCRIBE")).toBe("-100.000");
    expect(signedAmount("-100.000", "UNSUBSCRIBE")).toBe("-100.000");
    expect(signedAmount("100.000", "RENEW")).toBe("100.000");
    expect(signedAmount(null, "UNSUBSCRIBE")).toBeNull();
    expect(sumAmounts(["0.100", "0.200", null])).toBe("0.300");
    expect(sumAmounts([null])).toBeNull();
  });
});

describe("order type and charging mode mapping", () => {
  it("maps open API words and V1 integers to one charging mode", () => {
    expect(normalizeChargingMode("PERIOD")).toBe("PERIOD");
    expect(normalizeChargingMode("on_demand_pkg")).toBe("ON_DEMAND_PKG");
    expect(normalizeChargingMode("1")).toBe("PERIOD");
    expect(normalizeChargingMode(0)).toBe("ON_DEMAND");
    expect(normalizeChargingMode("3")).toBe("ONE_TIME");
    expect(normalizeChargingMode(5)).toBe("ON_DEMAND_PKG");
    expect(normalizeChargingMode("2")).toBeNull();
    expect(normalizeChargingMode("MONTHLY")).toBeNull();
  });

  it("knows only UNSUBSCRIBE as a reverse order", () => {
    expect(["NEW", "TRIAL", "TRIAL_TO_FORMAL", "RENEW", "CHANGE", "UNSUBSCRIBE"].filter(isReverseOrderType)).toEqual(["UNSUBSCRIBE"]);
  });
});

describe("parseOrderQueryAnswer", () => {
  const answer = (orderInfo: unknown, resultCode = "MKT.0000") => ({ resultCode, resultMsg: "success", orderInfo });

  it("reads the documented shape: amounts in currency / currencyAfterDiscount, buyer and extension parameters", () => {
    const result = parseOrderQueryAnswer(
      answer({
        orderId: "CS1",
        orderType: "NEW",
        createTime: "20261128102030",
        buyerInfo: { customerId: "c-1", customerName: "示例科技", customerType: 1 },
        extendParams: [{ key: "emailDomainName", value: "example.com" }],
        orderLine: [
          { orderLineId: "CS1-000001", chargingMode: "PERIOD", expireTime: "20271128102030", periodType: "year", periodNumber: 1, currency: "1200.00", currencyAfterDiscount: "1080.5", productInfo: [{ productId: "P1", skuCode: "S1", linearValue: 5 }] },
          { orderLineId: "CS1-000002", chargingMode: "ONE_TIME", currency: 0.1, currencyAfterDiscount: 0.2 },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      order: {
        orderId: "CS1",
        orderType: "NEW",
        createdAt: new Date("2026-11-28T10:20:30Z"),
        customerId: "c-1",
        customerName: "示例科技",
        customerType: "1",
        currencyCode: "CNY",
        amount: "1200.100",
        amountAfterDiscount: "1080.700",
        extendParams: [{ key: "emailDomainName", value: "example.com" }],
        lines: [
          { orderLineId: "CS1-000001", chargingMode: "PERIOD", productCode: "P1", skuCode: "S1", productName: null, periodType: "year", periodNumber: 1, linearValue: "5", amount: "1200.000", amountAfterDiscount: "1080.500", expireAt: new Date("2027-11-28T10:20:30Z") },
          { orderLineId: "CS1-000002", chargingMode: "ONE_TIME", productCode: null, skuCode: null, productName: null, periodType: null, periodNumber: null, linearValue: null, amount: "0.100", amountAfterDiscount: "0.200", expireAt: null },
        ],
      },
    });
  });

  it("reads a currency code in `currency` with the amount in orderAmount, and stores a refund negative", () => {
    const result = parseOrderQueryAnswer(
      answer({ orderId: "U1", orderType: "UNSUBSCRIBE", orderLine: [{ orderLineId: "U1-000001", chargingMode: "PERIOD", currency: "CNY", orderAmount: "100.00", currencyAfterDiscount: "-90" }] }),
    );
    expect(result.ok && result.order).toMatchObject({ currencyCode: "CNY", amount: "-100.000", amountAfterDiscount: "-90.000" });
  });

  it("tells a refusal, a missing order and an unreadable answer apart", () => {
    expect(parseOrderQueryAnswer({ resultCode: "MKT.0151", resultMsg: "no authority" })).toMatchObject({ ok: false, kind: "refused", resultCode: "MKT.0151" });
    expect(parseOrderQueryAnswer({ resultCode: "MKT.0000", resultMsg: "success" })).toMatchObject({ ok: false, kind: "not-found" });
    expect(parseOrderQueryAnswer("<html>")).toMatchObject({ ok: false, kind: "invalid" });
    expect(parseOrderQueryAnswer(answer({ orderId: "X", orderType: "NEW", createTime: "20260230000000" }))).toMatchObject({ ok: false, kind: "invalid" });
    expect(parseOrderQueryAnswer(answer({ orderId: "X", orderType: "NEW", orderLine: [{ orderLineId: "X-1", chargingMode: "PERIOD", currency: "1.2345" }] }))).toMatchObject({
      ok: false,
      kind: "invalid",
      message: expect.stringContaining("orderLine[0].currency"),
    });
  });
});

describe("the simulator's order-query answers", () => {
  it("read like the marketplace's: every mock order, refunds negative", () => {
    const now = new Date("2026-11-28T10:20:30Z");
    for (const orderId of ["MOCKPERIODYEARNEW", "MOCKONETIMENEW", "MOCKONDEMAND", "MOCKONDEMANDPKG", "MOCKPERIODDAYTRIAL", "MOCKMONTYTRIALTOFORMAL", "MOCKMONTYRENEW", "MOCKMONTYCHANGE"]) {
      const result = parseOrderQueryAnswer({ ...ORDER_QUERY_SUCCESS, orderInfo: buildOrderInfo(mockOrder(orderId, now)!) });
      expect(result.ok, orderId).toBe(true);
    }
    const refund = parseOrderQueryAnswer({ ...ORDER_QUERY_SUCCESS, orderInfo: buildOrderInfo(mockOrder("MOCKMONTYUNSUBSCRIBE", now)!) });
    expect(refund.ok && refund.order).toMatchObject({ orderType: "UNSUBSCRIBE", amount: "-100.000", customerName: "MOCK customer", lines: [{ productCode: "00301-666666-0--0", skuCode: "MOCK-SKU" }] });
    const yearly = parseOrderQueryAnswer({ ...ORDER_QUERY_SUCCESS, orderInfo: buildOrderInfo(mockOrder("MOCKPERIODYEARNEW", now)!) });
    expect(yearly.ok && yearly.order).toMatchObject({ amount: "1200.000", createdAt: now, lines: [{ chargingMode: "PERIOD", periodType: "year", periodNumber: 1 }] });
  });
});
