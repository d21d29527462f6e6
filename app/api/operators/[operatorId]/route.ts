// PATCH /api/operators/:operatorId — change name, role or disabled state (owner)
import { z } from "zod";
import { updateOperatorInputSchema } from "@/lib/contracts/operators";
import { withRoute } from "@/server/http/with-route";
import { updateOperator } from "@/server/operators/update-operator";

export const PATCH = withRoute(
  {
    auth: { permission: "operators:manage" },
    params: z.object({ operatorId: z.uuid({ message: "operators.notFound" }) }),
    body: updateOperatorInputSchema,
  },
  async ({ params, body, operator, ipAddress, deps }) => ({
    operator: await updateOperator(params.operatorId, body, operator, ipAddress, deps),
  }),
);
