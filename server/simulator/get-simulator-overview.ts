import { debugCaseKeysFor, SIM_PRODUCTS } from "@/lib/marketplace/koogallery/simulator";
import type { SimulatorOverviewDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import type { Deps } from "@/server/deps";
import { defaultTargetUrl, openApiBaseUrl } from "@/server/simulator/default-target-url";
import { isSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { getSimulatorConfig, loadSimulatorKeys } from "@/server/simulator/simulator-runtime";

// Says whether each key is there, never what it is.
export const getSimulatorOverview = async (origin: string, deps: Pick<Deps, "db" | "secretBox">): Promise<SimulatorOverviewDto> => {
  const [config, keys] = await Promise.all([getSimulatorConfig(deps), loadSimulatorKeys(deps)]);
  return {
    enabled: isSimulatorEnabled(),
    defaultTargetUrl: defaultTargetUrl(origin),
    openApiBaseUrl: openApiBaseUrl(origin),
    config,
    keys: { v1: Boolean(keys.v1), basic: Boolean(keys.basic), licence: Boolean(keys.licence), kit: Boolean(keys.kit) },
    products: SIM_PRODUCTS.map((product) => ({
      key: product.key,
      generation: product.generation,
      billing: product.billing,
      chargingMode: product.chargingMode,
      skus: [...product.skus],
      caseKeys: debugCaseKeysFor(product),
    })),
  };
};
