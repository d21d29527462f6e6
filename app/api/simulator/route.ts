// GET /api/simulator — the simulator's catalogue, settings, default target and which keys it can sign with
import { withRoute } from "@/server/http/with-route";
import { consoleOrigin } from "@/server/simulator/default-target-url";
import { getSimulatorOverview } from "@/server/simulator/get-simulator-overview";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ request, deps }) =>
  getSimulatorOverview(consoleOrigin(request.headers, request.nextUrl.origin), deps),
);
