// GET /api/orders/reconciliations/:reconciliationId — one run and every difference it found
import { reconciliationIdParamsSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { getReconciliation } from "@/server/orders/reconcile-orders";

export const GET = withRoute({ auth: { permission: "console:read" }, params: reconciliationIdParamsSchema }, async ({ params, deps }) =>
  getReconciliation(params.reconciliationId, deps),
);
