import type { OperatorDto, UpdateOperatorInput } from "@/lib/contracts/operators";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { operatorSelect, toOperatorDto } from "@/server/operators/operator-dto";

export const updateOperator = async (
  operatorId: string,
  input: UpdateOperatorInput,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<OperatorDto> => {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const before = await tx.operator.findUnique({ where: { id: operatorId }, select: operatorSelect });
    if (!before) throw new AppError("NOT_FOUND", "No such operator.", { messageKey: "operators.notFound" });

    const losesOwner =
      before.role === "owner" &&
      before.disabledAt === null &&
      ((input.role !== undefined && input.role !== "owner") || input.disabled === true);
    if (losesOwner) {
      // Serialise concurrent demotions so two owners cannot demote each other at once.
      await tx.$queryRaw`SELECT id FROM operators WHERE role = 'owner' FOR UPDATE`;
      const activeOwners = await tx.operator.count({ where: { role: "owner", disabledAt: null } });
      if (activeOwners <= 1) {
        throw new AppError("CONFLICT", "The console must keep at least one active owner.", {
          messageKey: "operators.lastOwner",
        });
      }
    }

    const after = await tx.operator.update({
      where: { id: operatorId },
      data: {
        displayName: input.displayName,
        role: input.role,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? now) : null,
        updatedAt: now,
      },
      select: operatorSelect,
    });
    if (input.disabled === true || (input.role !== undefined && input.role !== before.role)) {
      // A role change or a disable takes effect now, not at the next sign-in.
      await tx.session.deleteMany({ where: { operatorId } });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.role !== undefined && input.role !== before.role) changes.role = { from: before.role, to: input.role };
    if (input.disabled !== undefined && input.disabled !== (before.disabledAt !== null))
      changes.disabled = { from: before.disabledAt !== null, to: input.disabled };
    if (input.displayName !== undefined && input.displayName !== before.displayName)
      changes.displayName = { from: before.displayName, to: input.displayName };
    const action = changes.role
      ? "operator.role_changed"
      : changes.disabled
        ? input.disabled
          ? "operator.disabled"
          : "operator.enabled"
        : "operator.updated";
    await recordAuditEvent(
      tx,
      { actor, action, targetType: "operator", targetId: operatorId, ipAddress, details: { email: before.email, changes } },
      now,
    );
    return toOperatorDto(after);
  });
};
