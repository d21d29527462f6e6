import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { SessionOperator } from "@/server/auth/get-session-operator";
import type { Deps } from "@/server/deps";

export const signOut = async (operator: SessionOperator, ipAddress: string | null, deps: Deps): Promise<void> => {
  await deps.db.session.deleteMany({ where: { id: operator.sessionId } });
  await recordAuditEvent(deps.db, { actor: operator, action: "auth.signed_out", ipAddress }, deps.now());
};
