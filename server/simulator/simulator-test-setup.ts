// Shared by the simulator's integration tests (not shipped in any route): a console with keys,
// driven through the in-process gateway.
import type { Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { createInProcessTransport } from "@/server/simulator/in-process-transport";
import { createSimulatorRuntime, type SimulatorRuntime } from "@/server/simulator/simulator-runtime";
import { updateSettings } from "@/server/settings/update-settings";

export const SIM_TEST_KEYS = { v1: "sim-v1-key-4d2a", basic: "sim-basic-key-91cf", licence: "sim-licence-key-0be3", kit: "sim-kit-key-7e51" } as const;
export const CONSOLE_TARGET = "http://console.test/api/koogallery";

export const configureSimulatorKeys = async (deps: Deps) => {
  await updateSettings(
    {
      "marketplace.v1Key": SIM_TEST_KEYS.v1,
      "marketplace.basicAccessKey.current": SIM_TEST_KEYS.basic,
      "marketplace.licenseAccessKey.current": SIM_TEST_KEYS.licence,
      "marketplace.kitAccessKey.current": SIM_TEST_KEYS.kit,
    },
    null,
    null,
    deps,
  );
  forgetMarketplaceKeys();
};

export const inProcessRuntime = (deps: Deps, overrides: Partial<Omit<SimulatorRuntime, "deps">> = {}) =>
  createSimulatorRuntime(deps, { transport: createInProcessTransport(deps), ...overrides });

/** A seller endpoint that answers whatever the test says. */
export const scriptedTransport = (answer: () => { status?: number; contentType?: string; body: string; headers?: Record<string, string> }): Transport => async () => {
  const a = answer();
  return { kind: "answered", status: a.status ?? 200, headers: { "content-type": a.contentType ?? "application/json", ...(a.headers ?? {}) }, body: a.body, latencyMs: 1 };
};
