// GET /api/orders/exports/:exportId — the export's progress (rows written of the total);
// DELETE — cancel it (the download stops at its next page; audited)
import { orderExportParamsSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { cancelOrderExport, getOrderExport } from "@/server/orders/order-exports";

export const GET = withRoute({ auth: { permission: "console:read" }, params: orderExportParamsSchema }, async ({ params, operator, deps }) =>
  getOrderExport(params.exportId, operator, deps),
);

export const DELETE = withRoute({ auth: { permission: "console:read" }, params: orderExportParamsSchema }, async ({ params, operator, ipAddress, deps }) =>
  cancelOrderExport(params.exportId, operator, ipAddress, deps),
);
