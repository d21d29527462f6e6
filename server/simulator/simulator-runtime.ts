import { DEFAULT_TIMEOUT_MS, fetchTransport, type SimulatorKeys, type Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { readSettingValue } from "@/server/settings/settings-repository";

// Everything a simulator use-case needs besides the database: the seller's keys (the simulator
// signs with exactly what the console verifies with), how to reach the target, and the knobs.
export type SimulatorRuntime = {
  deps: Deps;
  keys: SimulatorKeys;
  transport: Transport;
  timeoutMs: number;
  timeCompression: number;
};

export const loadSimulatorKeys = async (deps: Pick<Deps, "db" | "secretBox">): Promise<SimulatorKeys> => {
  const [v1, basic, licence, kit] = await Promise.all([
    readSettingValue("marketplace.v1Key", deps),
    readSettingValue("marketplace.basicAccessKey.current", deps),
    readSettingValue("marketplace.licenseAccessKey.current", deps),
    readSettingValue("marketplace.kitAccessKey.current", deps),
  ]);
  return { v1, basic, licence, kit };
};

export const getSimulatorConfig = async (deps: Pick<Deps, "db">) => {
  const row = await deps.db.simulatorConfig.findUnique({ where: { id: 1 } });
  return { timeCompression: row?.timeCompression ?? 1, timeoutMs: row?.timeoutMs ?? DEFAULT_TIMEOUT_MS };
};

export const createSimulatorRuntime = async (
  deps: Deps,
  overrides: Partial<Omit<SimulatorRuntime, "deps">> = {},
): Promise<SimulatorRuntime> => {
  const [keys, config] = await Promise.all([overrides.keys ? Promise.resolve(overrides.keys) : loadSimulatorKeys(deps), getSimulatorConfig(deps)]);
  return {
    deps,
    keys,
    transport: overrides.transport ?? fetchTransport,
    timeoutMs: overrides.timeoutMs ?? config.timeoutMs,
    timeCompression: overrides.timeCompression ?? config.timeCompression,
  };
};
