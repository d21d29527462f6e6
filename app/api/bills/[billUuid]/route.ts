// GET /api/bills/:billUuid — a bill with its lines, status history and imports
import { billParamsSchema } from "@/lib/contracts/bills";
import { getBill } from "@/server/bills/get-bill";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" }, params: billParamsSchema }, async ({ params, deps }) => getBill(params.billUuid, deps));
