import type { Deps } from "@/server/deps";
import { subscriptionDto } from "@/server/simulator/simulator-dto";

export const listSubscriptions = async (deps: Pick<Deps, "db">, limit = 50) => {
  const rows = await deps.db.simulatorSubscription.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return { subscriptions: rows.map(subscriptionDto) };
};
