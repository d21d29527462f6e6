// POST /api/messages/deliveries/resolve — mark deliveries handled outside the console, with a comment
import { resolveDeliveriesInputSchema } from "@/lib/contracts/messages";
import { resolveDeliveries } from "@/server/fulfilment/operator-actions";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: { permission: "operations:write" }, body: resolveDeliveriesInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  resolveDeliveries(body.ids, body.comment, operator, ipAddress, deps),
);
