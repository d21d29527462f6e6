// POST /api/orders/:orderId/refetch — fetch the order from the marketplace now and store it
import { orderIdParamsSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { refetchOrder } from "@/server/orders/refetch-order";

export const POST = withRoute({ auth: { permission: "operations:write" }, params: orderIdParamsSchema }, async ({ params, operator, ipAddress, deps }) =>
  refetchOrder(params.orderId, operator, ipAddress, deps),
);
