// GET /api/bills/:billUuid/export — every line of a bill as CSV
import { billParamsSchema } from "@/lib/contracts/bills";
import { exportBillLinesCsv } from "@/server/bills/export-bill-lines";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" }, params: billParamsSchema }, async ({ params, deps }) => {
  const { fileName, csv } = await exportBillLinesCsv(params.billUuid, deps);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
});
