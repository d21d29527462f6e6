// GET /api/simulator/subscriptions — simulated purchases; POST — a buyer buys a product
import { buyProductBodySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { buyProduct } from "@/server/simulator/buy-product";
import { consoleOrigin, defaultTargetUrl } from "@/server/simulator/default-target-url";
import { listSubscriptions } from "@/server/simulator/list-subscriptions";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { createSimulatorRuntime } from "@/server/simulator/simulator-runtime";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listSubscriptions(deps));

export const POST = withRoute({ auth: { permission: "operations:write" }, body: buyProductBodySchema }, async ({ request, body, deps }) => {
  await assertSimulatorEnabled();
  const targetUrl = body.targetUrl ?? defaultTargetUrl(consoleOrigin(request.headers, request.nextUrl.origin));
  const outcome = await buyProduct({ productKey: body.productKey, targetUrl }, await createSimulatorRuntime(deps));
  return { subscriptionId: outcome.subscriptionId, callbackIds: outcome.deliveries.map((d) => d.callbackId) };
});
