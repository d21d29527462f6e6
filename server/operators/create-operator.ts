import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { CreatedOperator, CreateOperatorInput } from "@/lib/contracts/operators";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import { hashPassword } from "@/server/auth/password-hashing";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { generateOneTimePassword } from "@/server/operators/generate-one-time-password";
import { operatorSelect, toOperatorDto } from "@/server/operators/operator-dto";

export const createOperator = async (
  input: CreateOperatorInput,
  actor: AuditActor | null,
  ipAddress: string | null,
  deps: Deps,
): Promise<CreatedOperator> => {
  const now = deps.now();
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  try {
    const row = await deps.db.$transaction(async (tx) => {
      const created = await tx.operator.create({
        data: {
          id: randomUUID(),
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          mustChangePassword: oneTimePassword !== null,
          createdAt: now,
          updatedAt: now,
        },
        select: operatorSelect,
      });
      await recordAuditEvent(
        tx,
        {
          actor,
          action: "operator.created",
          targetType: "operator",
          targetId: created.id,
          ipAddress,
          details: { email: created.email, role: created.role },
        },
        now,
      );
      return created;
    });
    return { operator: toOperatorDto(row), oneTimePassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An operator with the e-mail ${input.email} already exists.`, {
        messageKey: "operators.emailTaken",
        issues: [{ path: "email", code: "operators.emailTaken", message: "This e-mail is already used by another operator." }],
      });
    }
    throw error;
  }
};
