// GET /api/simulator/dial-tests — schedules and their history; PUT — schedule (or change) the dial test of a target
import { dialTestBodySchema } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { withRoute } from "@/server/http/with-route";
import { consoleOrigin, defaultTargetUrl } from "@/server/simulator/default-target-url";
import { listDialTests, saveDialTest } from "@/server/simulator/dial-tests";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listDialTests(deps));

export const PUT = withRoute({ auth: { permission: "operations:write" }, body: dialTestBodySchema }, async ({ request, body, deps }) => {
  await assertSimulatorEnabled();
  const targetUrl = body.targetUrl ?? defaultTargetUrl(consoleOrigin(request.headers, request.nextUrl.origin));
  return saveDialTest({ targetUrl, intervalMinutes: body.intervalMinutes, enabled: body.enabled }, deps);
});
