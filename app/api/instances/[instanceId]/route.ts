// GET /api/instances/:instanceId — one instance with its lifecycle history (credentials masked)
import { instanceIdParamsSchema } from "@/lib/contracts/instances";
import { withRoute } from "@/server/http/with-route";
import { getInstanceDetail } from "@/server/instances/get-instance-detail";

export const GET = withRoute({ auth: { permission: "console:read" }, params: instanceIdParamsSchema }, async ({ params, deps }) =>
  getInstanceDetail(params.instanceId, deps),
);
