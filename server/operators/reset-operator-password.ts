import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import { hashPassword } from "@/server/auth/password-hashing";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { generateOneTimePassword } from "@/server/operators/generate-one-time-password";

// The owner hands the one-time password over out of band; the operator must replace it at sign-in.
export const resetOperatorPassword = async (
  operatorId: string,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<{ oneTimePassword: string }> => {
  const now = deps.now();
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await deps.db.$transaction(async (tx) => {
    const target = await tx.operator.findUnique({ where: { id: operatorId }, select: { email: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such operator.", { messageKey: "operators.notFound" });
    await tx.operator.update({ where: { id: operatorId }, data: { passwordHash, mustChangePassword: true, updatedAt: now } });
    await tx.session.deleteMany({ where: { operatorId } });
    await tx.signInThrottle.deleteMany({ where: { email: target.email } });
    await recordAuditEvent(
      tx,
      { actor, action: "operator.password_reset", targetType: "operator", targetId: operatorId, ipAddress, details: { email: target.email } },
      now,
    );
  });
  return { oneTimePassword };
};
