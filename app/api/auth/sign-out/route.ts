// POST /api/auth/sign-out — end this session
import { NextResponse } from "next/server";
import { signOut } from "@/server/auth/sign-out";
import { clearSessionCookie } from "@/server/http/session-cookie";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ auth: "signed-in" }, async ({ operator, ipAddress, deps }) => {
  await signOut(operator, ipAddress, deps);
  const response = NextResponse.json({ signedOut: true });
  clearSessionCookie(response);
  return response;
});
