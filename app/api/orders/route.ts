// GET /api/orders — orders filtered, sorted, one keyset page with the total count
import { orderListQuerySchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { listOrders } from "@/server/orders/list-orders";

export const GET = withRoute({ auth: { permission: "console:read" }, query: orderListQuerySchema }, async ({ query, deps }) => listOrders(query, deps));
