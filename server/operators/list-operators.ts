import type { OperatorDto } from "@/lib/contracts/operators";
import type { Deps } from "@/server/deps";
import { operatorSelect, toOperatorDto } from "@/server/operators/operator-dto";

export const listOperators = async (deps: Deps): Promise<OperatorDto[]> => {
  const rows = await deps.db.operator.findMany({ select: operatorSelect, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
  return rows.map(toOperatorDto);
};
