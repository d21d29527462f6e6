import type { Operator } from "@/generated/prisma/client";
import type { OperatorDto } from "@/lib/contracts/operators";

export const operatorSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  disabledAt: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

type OperatorRow = Pick<Operator, keyof typeof operatorSelect>;

export const toOperatorDto = (row: OperatorRow): OperatorDto => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
  disabled: row.disabledAt !== null,
  mustChangePassword: row.mustChangePassword,
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
