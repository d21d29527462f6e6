// GET /api/kit/tenants — the 联营Kit tenants, applications, departments and users the marketplace synced (read-only)
import { kitOverviewSchema, kitQuerySchema } from "@/lib/contracts/kit";
import { withRoute } from "@/server/http/with-route";
import { listKitTenants } from "@/server/kit/list-kit-tenants";

export const GET = withRoute({ auth: { permission: "console:read" }, query: kitQuerySchema }, async ({ query, deps }) =>
  kitOverviewSchema.parse(await listKitTenants(query, deps)),
);
