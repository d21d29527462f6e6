import { newPasswordSchema } from "@/domain/auth/password-policy";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { SessionOperator } from "@/server/auth/get-session-operator";
import { hashPassword, verifyPassword } from "@/server/auth/password-hashing";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { zodIssues } from "@/server/http/problem";

export type ChangeOwnPasswordInput = { currentPassword: string; newPassword: string; ipAddress: string | null };

export const changeOwnPassword = async (
  operator: SessionOperator,
  input: ChangeOwnPasswordInput,
  deps: Deps,
): Promise<void> => {
  const parsed = newPasswordSchema.safeParse(input.newPassword);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The new password does not meet the rules.", {
      issues: zodIssues(parsed.error, "newPassword"),
    });
  }
  const row = await deps.db.operator.findUniqueOrThrow({ where: { id: operator.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION_FAILED", "The current password is incorrect.", {
      issues: [{ path: "currentPassword", code: "password.currentWrong", message: "The current password is incorrect." }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION_FAILED", "The new password must differ from the current one.", {
      issues: [{ path: "newPassword", code: "password.unchanged", message: "The new password must differ from the current one." }],
    });
  }
  const now = deps.now();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.$transaction([
    deps.db.operator.update({
      where: { id: operator.id },
      data: { passwordHash, mustChangePassword: false, updatedAt: now },
    }),
    // Other browsers signed in with the old password are signed out.
    deps.db.session.deleteMany({ where: { operatorId: operator.id, id: { not: operator.sessionId } } }),
  ]);
  await recordAuditEvent(
    deps.db,
    { actor: operator, action: "auth.password_changed", targetType: "operator", targetId: operator.id, ipAddress: input.ipAddress },
    now,
  );
};
