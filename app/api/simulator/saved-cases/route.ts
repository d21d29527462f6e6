// GET /api/simulator/saved-cases — debugging cases saved for the dial test
import { withRoute } from "@/server/http/with-route";
import { listSavedCases } from "@/server/simulator/list-saved-cases";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listSavedCases(deps));
