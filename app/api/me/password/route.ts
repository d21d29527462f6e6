// POST /api/me/password — change the signed-in operator's own password
import { changePasswordInputSchema } from "@/lib/contracts/auth";
import { changeOwnPassword } from "@/server/auth/change-own-password";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: "signed-in", body: changePasswordInputSchema }, async ({ operator, body, ipAddress, deps }) => {
  await changeOwnPassword(operator, { ...body, ipAddress }, deps);
  return { changed: true };
});
