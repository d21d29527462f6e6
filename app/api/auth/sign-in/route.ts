// POST /api/auth/sign-in — exchange e-mail and password for a session cookie
import { NextResponse } from "next/server";
import { signInInputSchema } from "@/lib/contracts/auth";
import { signIn } from "@/server/auth/sign-in";
import { setSessionCookie } from "@/server/http/session-cookie";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: "public", body: signInInputSchema }, async ({ body, request, ipAddress, deps }) => {
  const result = await signIn(
    { email: body.email, password: body.password, ipAddress, userAgent: request.headers.get("user-agent") },
    deps,
  );
  const response = NextResponse.json({ operator: result.operator });
  setSessionCookie(response, result.sessionToken, result.expiresAt, request);
  return response;
});
