// PUT /api/bills/:billUuid/status — record the status the marketplace shows (finance)
import { billParamsSchema, setBillStatusInputSchema } from "@/lib/contracts/bills";
import { setBillStatus } from "@/server/bills/set-bill-status";
import { withRoute } from "@/server/http/with-route";

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: billParamsSchema, body: setBillStatusInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await setBillStatus(params.billUuid, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
