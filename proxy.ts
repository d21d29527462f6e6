import { NextResponse, type NextRequest } from "next/server";

// Only passes the requested path on to server components (for the sign-in redirect's `next`).
// Authentication is not decided here: every page and route handler checks the session itself.
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
