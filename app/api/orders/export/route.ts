// GET /api/orders/export — the filtered orders as a streamed CSV (or ?format=xlsx, Excel), in the
// list's order (audited). A plain link for scripts and bookmarks; the orders page uses
// /api/orders/exports, which adds progress and cancelling.
import { orderExportQuerySchema } from "@/lib/contracts/orders";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { withRoute } from "@/server/http/with-route";
import { exportRowReader } from "@/server/orders/export-connection";
import { exportOrdersCsv, exportOrdersXlsx } from "@/server/orders/export-orders";
import { exportResponse } from "@/server/orders/order-exports";

export const GET = withRoute({ auth: { permission: "console:read" }, query: orderExportQuerySchema }, async ({ query, operator, ipAddress, deps }) => {
  const { format, ...filter } = query;
  await recordAuditEvent(deps.db, { actor: operator, action: "orders.exported", ipAddress, details: { format, filter } }, deps.now());
  const read = exportRowReader();
  return exportResponse(format, format === "xlsx" ? exportOrdersXlsx(filter, deps, { read }) : exportOrdersCsv(filter, deps, { read }), deps.now());
});
