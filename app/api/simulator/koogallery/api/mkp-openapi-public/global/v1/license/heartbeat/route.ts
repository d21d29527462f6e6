// POST /api/simulator/koogallery/api/mkp-openapi-public/global/v1/license/heartbeat — the simulated marketplace's 查询授权码 (licence-code heartbeat)
// Authenticated by the marketplace's own signature, checked in the use-case, not by a session.
import { withRoute } from "@/server/http/with-route";
import { openApiResponse, readOpenApiRequest } from "@/server/simulator/open-api-request";
import { licenceCodeHeartbeat } from "@/server/simulator/licence-code-apis";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

export const dynamic = "force-dynamic";

export const POST = withRoute({ auth: "public" }, async ({ request, deps }) => {
  await assertSimulatorEnabled();
  return openApiResponse(await licenceCodeHeartbeat(await readOpenApiRequest(request), deps));
});
