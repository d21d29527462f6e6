// GET /api/audit-events/export — the filtered audit log as CSV (owner)
import { auditQuerySchema } from "@/lib/contracts/audit";
import { exportAuditEventsCsv } from "@/server/audit/export-audit-events";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute(
  { auth: { permission: "audit:read" }, query: auditQuerySchema.omit({ before: true, limit: true }) },
  async ({ query, operator, ipAddress, deps }) => {
    await recordAuditEvent(deps.db, { actor: operator, action: "audit.exported", ipAddress, details: { filter: query } }, deps.now());
    const stamp = deps.now().toISOString().slice(0, 10);
    return new Response(exportAuditEventsCsv(query, deps), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
