// POST /api/operators/:operatorId/password-reset — issue a one-time password (owner)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { resetOperatorPassword } from "@/server/operators/reset-operator-password";

export const POST = withRoute(
  { auth: { permission: "operators:manage" }, params: z.object({ operatorId: z.uuid({ message: "operators.notFound" }) }) },
  async ({ params, operator, ipAddress, deps }) => resetOperatorPassword(params.operatorId, operator, ipAddress, deps),
);
