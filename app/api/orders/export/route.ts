// GET /api/orders/export — the filtered orders as a streamed CSV, in the list's order (audited)
import { orderFilterSchema } from "@/lib/contracts/orders";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { withRoute } from "@/server/http/with-route";
import { exportOrdersCsv } from "@/server/orders/export-orders";

export const GET = withRoute({ auth: { permission: "console:read" }, query: orderFilterSchema }, async ({ query, operator, ipAddress, deps }) => {
  await recordAuditEvent(deps.db, { actor: operator, action: "orders.exported", ipAddress, details: { filter: query } }, deps.now());
  const stamp = deps.now().toISOString().slice(0, 10);
  return new Response(exportOrdersCsv(query, deps), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
