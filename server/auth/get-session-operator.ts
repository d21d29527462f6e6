import { evaluateSession } from "@/domain/auth/session-policy";
import type { OperatorRole } from "@/domain/auth/roles";
import { sessionIdFromToken } from "@/server/auth/session-token";
import type { Deps } from "@/server/deps";

export type SessionOperator = {
  id: string;
  email: string;
  displayName: string;
  role: OperatorRole;
  mustChangePassword: boolean;
  sessionId: string;
};

export const getSessionOperator = async (token: string | undefined, deps: Deps): Promise<SessionOperator | null> => {
  if (!token || token.length > 100) return null;
  const sessionId = sessionIdFromToken(token);
  const session = await deps.db.session.findUnique({
    where: { id: sessionId },
    select: {
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      operator: { select: { id: true, email: true, displayName: true, role: true, mustChangePassword: true, disabledAt: true } },
    },
  });
  if (!session || session.operator.disabledAt) return null;
  const now = deps.now();
  const verdict = evaluateSession(session, now);
  if (!verdict.valid) {
    await deps.db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (verdict.shouldTouch) {
    await deps.db.session.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: now, expiresAt: verdict.nextExpiresAt },
    });
  }
  const { disabledAt: _disabled, ...operator } = session.operator;
  return { ...operator, sessionId };
};
