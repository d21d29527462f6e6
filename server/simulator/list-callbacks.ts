import type { Deps } from "@/server/deps";
import { callbackDto } from "@/server/simulator/simulator-dto";

export const listCallbacks = async (
  input: { subscriptionId?: string; limit: number; showCredentials: boolean },
  deps: Pick<Deps, "db" | "secretBox">,
) => {
  const rows = await deps.db.simulatorCallback.findMany({
    where: input.subscriptionId ? { subscriptionId: input.subscriptionId } : {},
    orderBy: { createdAt: "desc" },
    take: input.limit,
    include: { attemptRows: true },
  });
  return { callbacks: rows.map((row) => callbackDto(row, input.showCredentials, deps)) };
};
