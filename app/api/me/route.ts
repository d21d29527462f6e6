// GET /api/me — the signed-in operator
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: "signed-in" }, async ({ operator }) => ({
  id: operator.id,
  email: operator.email,
  displayName: operator.displayName,
  role: operator.role,
  mustChangePassword: operator.mustChangePassword,
}));
