// GET /api/fees/report/export — the fee report as CSV (opens in Excel)
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { buildFeeReport } from "@/server/fees/build-fee-report";
import { feeReportCsv } from "@/server/fees/export-fee-report";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute(
  { auth: { permission: "console:read" }, query: feeReportQuerySchema },
  async ({ query, operator, ipAddress, deps }) => {
    const report = await buildFeeReport(query, deps);
    await recordAuditEvent(deps.db, { actor: operator, action: "fees.report_exported", ipAddress, details: { month: report.month, months: report.months.length } }, deps.now());
    return new Response(feeReportCsv(report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="fee-report-${report.month}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
