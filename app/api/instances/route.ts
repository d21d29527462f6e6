// GET /api/instances — instances filtered (status, product, customer, expiring within N days), keyset pages
import { instanceListQuerySchema } from "@/lib/contracts/instances";
import { withRoute } from "@/server/http/with-route";
import { listInstances } from "@/server/instances/list-instances";

export const GET = withRoute({ auth: { permission: "console:read" }, query: instanceListQuerySchema }, async ({ query, deps }) => listInstances(query, deps));
