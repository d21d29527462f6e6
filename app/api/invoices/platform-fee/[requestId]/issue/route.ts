// POST /api/invoices/platform-fee/:requestId/issue — record the issued invoice's number and date (finance)
import { issueRequestInputSchema, requestParamsSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { issueRequest } from "@/server/invoices/platform-fee/change-request";

export const POST = withRoute(
  { auth: { permission: "finance:write" }, params: requestParamsSchema, body: issueRequestInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await issueRequest(params.requestId, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
