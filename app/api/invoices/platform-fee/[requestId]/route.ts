// GET /api/invoices/platform-fee/:requestId — a request with its bills, negative orders and template snapshot
import { requestParamsSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { getRequest } from "@/server/invoices/platform-fee/list-requests";

export const GET = withRoute({ auth: { permission: "console:read" }, params: requestParamsSchema }, async ({ params, deps }) => getRequest(params.requestId, deps));
