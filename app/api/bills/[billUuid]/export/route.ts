// GET /api/bills/:billUuid/export?format=csv|xlsx — every line of a bill as CSV or Excel
import { billParamsSchema, exportFormatQuerySchema } from "@/lib/contracts/bills";
import { exportBillLinesCsv, exportBillLinesXlsx } from "@/server/bills/export-bill-lines";
import { withRoute } from "@/server/http/with-route";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const GET = withRoute(
  { auth: { permission: "console:read" }, params: billParamsSchema, query: exportFormatQuerySchema },
  async ({ params, query, deps }) => {
    if (query.format === "xlsx") {
      const { fileName, content } = await exportBillLinesXlsx(params.billUuid, deps);
      return new Response(new Uint8Array(content), {
        headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
      });
    }
    const { fileName, csv } = await exportBillLinesCsv(params.billUuid, deps);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
    });
  },
);
