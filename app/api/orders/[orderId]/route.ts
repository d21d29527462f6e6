// GET /api/orders/:orderId — one order (static siblings such as /api/orders/export take precedence) with its lines, instances, timeline and raw answer
import { orderIdParamsSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { getOrderDetail } from "@/server/orders/get-order-detail";

export const GET = withRoute({ auth: { permission: "console:read" }, params: orderIdParamsSchema }, async ({ params, deps }) =>
  getOrderDetail(params.orderId, deps),
);
