// GET /api/fees/report — month × product fees, 12-month series and the current month's tier gaps
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import { buildFeeReport } from "@/server/fees/build-fee-report";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" }, query: feeReportQuerySchema }, async ({ query, deps }) =>
  buildFeeReport(query, deps),
);
