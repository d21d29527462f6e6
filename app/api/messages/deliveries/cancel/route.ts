// POST /api/messages/deliveries/cancel — stop deliveries that are waiting, failing or dead
import { deliveryIdsInputSchema } from "@/lib/contracts/messages";
import { cancelDeliveries } from "@/server/fulfilment/operator-actions";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: { permission: "operations:write" }, body: deliveryIdsInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  cancelDeliveries(body.ids, operator, ipAddress, deps),
);
