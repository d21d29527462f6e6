import { buildOrderInfo, mockOrder, ORDER_QUERY_SUCCESS, selectOrderLine, type SimOrderRecord, type SimOrderType, type SimChargingMode } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { verifyOpenApiSignature, type OpenApiRequest, type OpenApiResponse } from "@/server/simulator/open-api-request";

const findSimulatedOrder = async (orderId: string, deps: Pick<Deps, "db">): Promise<SimOrderRecord | null> => {
  const order = await deps.db.simulatorOrder.findUnique({ where: { orderId }, include: { subscription: true } });
  if (!order) return null;
  return {
    orderId: order.orderId,
    orderType: order.orderType as SimOrderType,
    createdAt: order.createdAt,
    customerId: order.subscription.customerId,
    customerName: order.subscription.customerName,
    lines: [
      {
        orderLineId: order.orderLineId,
        chargingMode: order.chargingMode as SimChargingMode,
        productId: order.productId,
        skuCode: order.skuCode,
        periodType: order.periodType,
        periodNumber: order.periodNumber,
        amount: order.amount.toFixed(2),
        expireAt: order.expireAt,
      },
    ],
  };
};

// GET …/api/mkp-openapi-public/global/v1/order/query (§7.1): the mock debugging orders and every
// order the simulator placed, behind the AK/SK signature check.
export const queryOrder = async (request: OpenApiRequest, deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<OpenApiResponse> => {
  const refused = await verifyOpenApiSignature(request, deps);
  if (refused) return refused;
  const params = new URL(request.url).searchParams;
  const orderId = params.get("orderId")?.trim() ?? "";
  const orderLineId = params.get("orderLineId")?.trim() || undefined;
  if (orderId === "" || orderId.length > 64) {
    return { status: 400, body: { resultCode: "MKT.0101", resultMsg: "orderId is required (at most 64 characters)" } };
  }
  const order = mockOrder(orderId, deps.now()) ?? (await findSimulatedOrder(orderId, deps));
  const selected = order ? selectOrderLine(order, orderLineId) : null;
  if (!selected) return { status: 200, body: { resultCode: "MKT.0199", resultMsg: `order ${orderId}${orderLineId ? ` line ${orderLineId}` : ""} does not exist` } };
  return { status: 200, body: { ...ORDER_QUERY_SUCCESS, orderInfo: buildOrderInfo(selected) } };
};
