import type { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-token";
import { getEnv } from "@/server/env";
import { isSecureRequest } from "@/server/http/request-info";

const secureFor = (requestUrl: string, headers: Headers): boolean => {
  const setting = getEnv().SESSION_COOKIE_SECURE;
  return setting === "auto" ? isSecureRequest(requestUrl, headers) : setting === "true";
};

export const setSessionCookie = (response: NextResponse, token: string, expiresAt: Date, request: Request) => {
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureFor(request.url, request.headers),
    path: "/",
    expires: expiresAt,
  });
};

export const clearSessionCookie = (response: NextResponse) => {
  response.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
};
