// POST /api/invoices/platform-fee/:requestId/return — 退回发票 with reason and tracking data (finance)
import { requestParamsSchema, returnRequestInputSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { returnRequest } from "@/server/invoices/platform-fee/change-request";

export const POST = withRoute(
  { auth: { permission: "finance:write" }, params: requestParamsSchema, body: returnRequestInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await returnRequest(params.requestId, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
