// GET /api/simulator/callbacks — what the simulated marketplace sent, each attempt with its answer and verdict
import { hasPermission } from "@/domain/auth/roles";
import { callbacksQuerySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { listCallbacks } from "@/server/simulator/list-callbacks";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: { permission: "console:read" }, query: callbacksQuerySchema }, async ({ query, operator, deps }) =>
  listCallbacks({ ...query, showCredentials: hasPermission(operator.role, "operations:write") }, deps),
);
