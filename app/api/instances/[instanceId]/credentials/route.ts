// POST /api/instances/:instanceId/credentials — reveal the tenant's credentials (operators and owners; audited)
import { instanceIdParamsSchema } from "@/lib/contracts/instances";
import { withRoute } from "@/server/http/with-route";
import { revealInstanceCredentials } from "@/server/instances/reveal-instance-credentials";

export const POST = withRoute({ auth: { permission: "operations:write" }, params: instanceIdParamsSchema }, async ({ params, operator, ipAddress, deps }) =>
  revealInstanceCredentials(params.instanceId, operator, ipAddress, deps),
);
