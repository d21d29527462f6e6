// POST /api/simulator/subscriptions/:subscriptionId/actions — the buyer renews, upgrades, lets it expire, releases…
import { z } from "zod";
import { buyerActionBodySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { performBuyerAction } from "@/server/simulator/perform-buyer-action";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { createSimulatorRuntime } from "@/server/simulator/simulator-runtime";

export const POST = withRoute(
  { auth: { permission: "operations:write" }, body: buyerActionBodySchema, params: z.object({ subscriptionId: z.string().uuid() }) },
  async ({ body, params, deps }) => {
    await assertSimulatorEnabled();
    const outcome = await performBuyerAction({ subscriptionId: params.subscriptionId, action: body.action }, await createSimulatorRuntime(deps));
    return { subscriptionId: outcome.subscriptionId, callbackIds: outcome.deliveries.map((d) => d.callbackId) };
  },
);
