import { formatExpireTime, formatOrderCreateTime } from "../time-formats";
import { addPeriod, orderLineIdFor, type SimOrderType } from "./buyer-actions";
import type { SimChargingMode } from "./catalogue";

/*
 * 查询订单 (§7.1): GET /api/mkp-openapi-public/global/v1/order/query with
 * orderId (and optionally orderLineId), AK/SK signed. The response's
 * OrderLine sub-fields beyond orderLineId/chargingMode/expireTime were not
 * captured (§13.7); the product, period and amount fields below are our
 * reading of the SaaS-center order body (§3.2), and the success code
 * MKT.0000 is that of the marketplace's other open APIs.
 */

export const ORDER_QUERY_PATH = "/api/mkp-openapi-public/global/v1/order/query";
export const ORDER_QUERY_SUCCESS = { resultCode: "MKT.0000", resultMsg: "success" } as const;

export interface SimOrderLine {
  orderLineId: string;
  chargingMode: SimChargingMode;
  productId: string;
  skuCode: string;
  periodType?: string | null;
  periodNumber?: number | null;
  amount: string;
  expireAt?: Date | null;
}

export interface SimOrderRecord {
  orderId: string;
  orderType: SimOrderType;
  createdAt: Date;
  customerId: string;
  customerName: string;
  lines: SimOrderLine[];
}

export interface OrderInfo {
  orderId: string;
  orderType: SimOrderType;
  createTime: string;
  buyerInfo: { customerId: string; customerName: string };
  orderLine: {
    orderLineId: string;
    chargingMode: SimChargingMode;
    expireTime?: string;
    periodType?: string;
    periodNumber?: number;
    currency: "CNY";
    orderAmount: string;
    productInfo: { productId: string; skuCode: string }[];
  }[];
  extendParams: { key: string; value: string }[];
}

export function buildOrderInfo(order: SimOrderRecord): OrderInfo {
  return {
    orderId: order.orderId,
    orderType: order.orderType,
    createTime: formatOrderCreateTime(order.createdAt),
    buyerInfo: { customerId: order.customerId, customerName: order.customerName },
    orderLine: order.lines.map((line) => ({
      orderLineId: line.orderLineId,
      chargingMode: line.chargingMode,
      ...(line.expireAt ? { expireTime: formatExpireTime(line.expireAt) } : {}),
      ...(line.periodType ? { periodType: line.periodType } : {}),
      ...(line.periodNumber ? { periodNumber: line.periodNumber } : {}),
      currency: "CNY",
      orderAmount: line.amount,
      productInfo: [{ productId: line.productId, skuCode: line.skuCode }],
    })),
    extendParams: [],
  };
}

type MockSpec = { orderType: SimOrderType; chargingMode: SimChargingMode; periodType?: string; periodNumber?: number; amount: string };

/** The debugging orders every seller can query (§7.1); "MONTY" is Huawei's spelling. */
const MOCK_ORDERS: Record<string, MockSpec> = {
  MOCKPERIODYEARNEW: { orderType: "NEW", chargingMode: "PERIOD", periodType: "year", periodNumber: 1, amount: "1200.00" },
  MOCKONETIMENEW: { orderType: "NEW", chargingMode: "ONE_TIME", amount: "500.00" },
  MOCKONDEMAND: { orderType: "NEW", chargingMode: "ON_DEMAND", amount: "0.00" },
  MOCKONDEMANDPKG: { orderType: "NEW", chargingMode: "ON_DEMAND_PKG", periodType: "month", periodNumber: 1, amount: "300.00" },
  MOCKPERIODDAYTRIAL: { orderType: "TRIAL", chargingMode: "PERIOD", periodType: "day", periodNumber: 7, amount: "0.00" },
  MOCKMONTYTRIALTOFORMAL: { orderType: "TRIAL_TO_FORMAL", chargingMode: "PERIOD", periodType: "month", periodNumber: 1, amount: "100.00" },
  MOCKMONTYUNSUBSCRIBE: { orderType: "UNSUBSCRIBE", chargingMode: "PERIOD", periodType: "month", periodNumber: 1, amount: "100.00" },
  MOCKMONTYRENEW: { orderType: "RENEW", chargingMode: "PERIOD", periodType: "month", periodNumber: 1, amount: "100.00" },
  MOCKMONTYCHANGE: { orderType: "CHANGE", chargingMode: "PERIOD", periodType: "month", periodNumber: 1, amount: "50.00" },
};

export const MOCK_ORDER_IDS = Object.keys(MOCK_ORDERS);

/** A mock order as of `now` (its dates follow the clock, so it never looks expired). */
export function mockOrder(orderId: string, now: Date): SimOrderRecord | null {
  const spec = MOCK_ORDERS[orderId];
  if (!spec) return null;
  const hasExpiry = spec.chargingMode === "PERIOD" || spec.chargingMode === "ON_DEMAND_PKG";
  return {
    orderId,
    orderType: spec.orderType,
    createdAt: now,
    customerId: "68cbc86abc2018ab880d92f36422fa0e",
    customerName: "MOCK customer",
    lines: [
      {
        orderLineId: orderLineIdFor(orderId),
        chargingMode: spec.chargingMode,
        productId: "00301-666666-0--0",
        skuCode: "MOCK-SKU",
        periodType: spec.periodType,
        periodNumber: spec.periodNumber,
        amount: spec.amount,
        expireAt: hasExpiry ? addPeriod(now, spec.periodType, spec.periodNumber) : null,
      },
    ],
  };
}

/** Restricts the order to one line when orderLineId is given; null when that line does not exist. */
export function selectOrderLine(order: SimOrderRecord, orderLineId: string | undefined): SimOrderRecord | null {
  if (orderLineId === undefined || orderLineId === "") return order;
  const lines = order.lines.filter((line) => line.orderLineId === orderLineId);
  return lines.length === 0 ? null : { ...order, lines };
}
