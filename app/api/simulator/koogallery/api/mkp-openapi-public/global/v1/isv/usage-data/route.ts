// POST /api/simulator/koogallery/api/mkp-openapi-public/global/v1/isv/usage-data — the simulated marketplace's 按需使用量推送 (usage push)
// Authenticated by the marketplace's own signature, checked in the use-case, not by a session.
import { withRoute } from "@/server/http/with-route";
import { openApiResponse, readOpenApiRequest } from "@/server/simulator/open-api-request";
import { receiveUsagePush } from "@/server/simulator/receive-usage-push";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

export const dynamic = "force-dynamic";

export const POST = withRoute({ auth: "public" }, async ({ request, deps }) => {
  await assertSimulatorEnabled();
  return openApiResponse(await receiveUsagePush(await readOpenApiRequest(request), deps));
});
