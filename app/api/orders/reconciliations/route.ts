// GET /api/orders/reconciliations — recent reconciliation runs; POST — start one now
import { withRoute } from "@/server/http/with-route";
import { listReconciliations, startReconciliation } from "@/server/orders/reconcile-orders";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => ({ runs: await listReconciliations(deps) }));

export const POST = withRoute({ auth: { permission: "operations:write" } }, async ({ operator, deps }) => {
  const run = await startReconciliation({ trigger: "manual", startedBy: operator.email }, deps);
  return { id: run?.id ?? null, ordersTotal: run?.ordersTotal ?? 0 };
});
