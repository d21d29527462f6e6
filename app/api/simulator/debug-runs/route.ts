// POST /api/simulator/debug-runs — run the standard debugging cases (接口调测), optionally saving those that pass
import { debugRunBodySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { consoleOrigin, defaultTargetUrl } from "@/server/simulator/default-target-url";
import { runDebugSuite } from "@/server/simulator/run-debug-suite";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { createSimulatorRuntime } from "@/server/simulator/simulator-runtime";

export const POST = withRoute({ auth: { permission: "operations:write" }, body: debugRunBodySchema }, async ({ request, body, deps }) => {
  await assertSimulatorEnabled();
  const targetUrl = body.targetUrl ?? defaultTargetUrl(consoleOrigin(request.headers, request.nextUrl.origin));
  return runDebugSuite({ productKeys: body.productKeys, targetUrl, save: body.save }, await createSimulatorRuntime(deps));
});
