// POST /api/simulator/koogallery/api/mkp-openapi-public/global/v1/license/activate — the simulated marketplace's 激活授权码 (activate a licence code)
// Authenticated by the marketplace's own signature, checked in the use-case, not by a session.
import { withRoute } from "@/server/http/with-route";
import { openApiResponse, readOpenApiRequest } from "@/server/simulator/open-api-request";
import { activateLicenceCode } from "@/server/simulator/licence-code-apis";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

export const dynamic = "force-dynamic";

export const POST = withRoute({ auth: "public" }, async ({ request, deps }) => {
  await assertSimulatorEnabled();
  return openApiResponse(await activateLicenceCode(await readOpenApiRequest(request), deps));
});
