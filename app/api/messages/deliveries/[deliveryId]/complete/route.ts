// POST /api/messages/deliveries/:deliveryId/complete — an operator completes a manual delivery (tenant access, or just done)
import { z } from "zod";
import { completeDeliveryInputSchema } from "@/lib/contracts/messages";
import { completeManualDelivery } from "@/server/fulfilment/operator-actions";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute(
  {
    auth: { permission: "operations:write" },
    params: z.object({ deliveryId: z.uuid({ message: "messages.notFound" }) }),
    body: completeDeliveryInputSchema,
  },
  async ({ params, body, operator, ipAddress, deps }) => {
    await completeManualDelivery(params.deliveryId, body.outcome, operator, ipAddress, deps);
    return { completed: true };
  },
);
