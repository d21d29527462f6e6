// GET /api/simulator/koogallery/api/mkp-openapi-public/global/v1/order/query — the simulated marketplace's 查询订单 (order query)
// Authenticated by the marketplace's own signature, checked in the use-case, not by a session.
import { withRoute } from "@/server/http/with-route";
import { openApiResponse, readOpenApiRequest } from "@/server/simulator/open-api-request";
import { queryOrder } from "@/server/simulator/query-order";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "public" }, async ({ request, deps }) => {
  await assertSimulatorEnabled();
  return openApiResponse(await queryOrder(await readOpenApiRequest(request), deps));
});
