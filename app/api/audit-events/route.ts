// GET /api/audit-events — the audit log, filtered, newest first (owner)
import { auditQuerySchema } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "audit:read" }, query: auditQuerySchema }, async ({ query, deps }) =>
  listAuditEvents(query, deps),
);
