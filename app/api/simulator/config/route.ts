// PUT /api/simulator/config — time compression and the answer timeout
import { simulatorConfigBodySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { updateSimulatorConfig } from "@/server/simulator/update-simulator-config";

export const PUT = withRoute({ auth: { permission: "operations:write" }, body: simulatorConfigBodySchema }, async ({ body, deps }) => {
  await assertSimulatorEnabled();
  return { config: await updateSimulatorConfig(body, deps) };
});
