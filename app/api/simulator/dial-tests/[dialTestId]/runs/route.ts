// POST /api/simulator/dial-tests/:dialTestId/runs — run a dial test now
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { runDialTest } from "@/server/simulator/dial-tests";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { createSimulatorRuntime } from "@/server/simulator/simulator-runtime";

export const POST = withRoute(
  { auth: { permission: "operations:write" }, params: z.object({ dialTestId: z.string().uuid() }) },
  async ({ params, deps }) => {
    await assertSimulatorEnabled();
    return { run: await runDialTest({ dialTestId: params.dialTestId, trigger: "manual" }, await createSimulatorRuntime(deps)) };
  },
);
