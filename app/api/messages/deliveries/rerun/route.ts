// POST /api/messages/deliveries/rerun — send deliveries again now, the retry schedule starting over (重新启动)
import { deliveryIdsInputSchema } from "@/lib/contracts/messages";
import { rerunDeliveries } from "@/server/fulfilment/operator-actions";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: { permission: "operations:write" }, body: deliveryIdsInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  rerunDeliveries(body.ids, operator, ipAddress, deps),
);
