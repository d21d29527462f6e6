// GET /api/orders/exports/:exportId/file — the export itself, streamed (once per export)
import { orderExportParamsSchema } from "@/lib/contracts/orders";
import { withRoute } from "@/server/http/with-route";
import { exportRowReader } from "@/server/orders/export-connection";
import { exportResponse, streamOrderExport } from "@/server/orders/order-exports";

export const GET = withRoute({ auth: { permission: "console:read" }, params: orderExportParamsSchema }, async ({ params, operator, deps }) => {
  const { format, stream } = await streamOrderExport(params.exportId, operator, deps, exportRowReader());
  return exportResponse(format, stream, deps.now());
});
