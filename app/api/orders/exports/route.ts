// POST /api/orders/exports — start an export of the filtered list (CSV or Excel): counts the
// filter and answers with the export's id, total and file URL (audited)
import { startOrderExportSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { startOrderExport } from "@/server/orders/order-exports";

export const POST = withRoute({ auth: { permission: "console:read" }, body: startOrderExportSchema }, async ({ body, operator, ipAddress, deps }) =>
  startOrderExport(body, operator, ipAddress, deps),
);
