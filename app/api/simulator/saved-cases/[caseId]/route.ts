// DELETE /api/simulator/saved-cases/:caseId — stop replaying a saved debugging case (operator)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { deleteSavedCase } from "@/server/simulator/delete-saved-case";

export const DELETE = withRoute(
  { auth: { permission: "operations:write" }, params: z.object({ caseId: z.string().uuid() }) },
  async ({ params, operator, ipAddress, deps }) => deleteSavedCase(params.caseId, { ...operator, ipAddress }, deps),
);
