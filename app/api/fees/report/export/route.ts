// GET /api/fees/report/export?format=csv|xlsx — the fee report as CSV or Excel
import { feeReportExportQuerySchema } from "@/lib/contracts/fees";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { buildFeeReport } from "@/server/fees/build-fee-report";
import { feeReportCsv, feeReportXlsx } from "@/server/fees/export-fee-report";
import { withRoute } from "@/server/http/with-route";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const GET = withRoute(
  { auth: { permission: "console:read" }, query: feeReportExportQuerySchema },
  async ({ query, operator, ipAddress, deps }) => {
    const { format, ...reportQuery } = query;
    const report = await buildFeeReport(reportQuery, deps);
    await recordAuditEvent(
      deps.db,
      { actor: operator, action: "fees.report_exported", ipAddress, details: { month: report.month, months: report.months.length, format } },
      deps.now(),
    );
    const fileName = `fee-report-${report.month}.${format}`;
    const headers = { "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" };
    if (format === "xlsx") return new Response(new Uint8Array(await feeReportXlsx(report)), { headers: { ...headers, "content-type": XLSX_TYPE } });
    return new Response(feeReportCsv(report), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  },
);
