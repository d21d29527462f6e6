import type { Deps } from "@/server/deps";
import { getSimulatorConfig } from "@/server/simulator/simulator-runtime";

export type SimulatorConfigInput = { timeCompression?: number; timeoutMs?: number };

export const updateSimulatorConfig = async (input: SimulatorConfigInput, deps: Pick<Deps, "db" | "now">) => {
  const now = deps.now();
  await deps.db.simulatorConfig.upsert({
    where: { id: 1 },
    create: { id: 1, ...input, updatedAt: now },
    update: { ...input, updatedAt: now },
  });
  return getSimulatorConfig(deps);
};
