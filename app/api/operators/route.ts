// GET /api/operators — list operators; POST /api/operators — create one (owner)
import { createOperatorInputSchema } from "@/lib/contracts/operators";
import { withRoute } from "@/server/http/with-route";
import { createOperator } from "@/server/operators/create-operator";
import { listOperators } from "@/server/operators/list-operators";

export const GET = withRoute({ auth: { permission: "operators:manage" } }, async ({ deps }) => ({
  operators: await listOperators(deps),
}));

export const POST = withRoute(
  { auth: { permission: "operators:manage" }, body: createOperatorInputSchema },
  async ({ body, operator, ipAddress, deps }) => Response.json(await createOperator(body, operator, ipAddress, deps), { status: 201 }),
);
