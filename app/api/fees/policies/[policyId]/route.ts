// DELETE /api/fees/policies/:policyId — remove an owner-added policy version (owner)
import { policyIdParamsSchema } from "@/lib/contracts/fees";
import { deleteFeePolicy } from "@/server/fees/fee-admin";
import { withRoute } from "@/server/http/with-route";

export const DELETE = withRoute({ auth: { permission: "settings:manage" }, params: policyIdParamsSchema }, async ({ params, operator, ipAddress, deps }) => {
  await deleteFeePolicy(params.policyId, { ...operator, ipAddress }, deps);
  return { ok: true };
});
