import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasPermission, type Permission } from "@/domain/auth/roles";
import { getSessionOperator, type SessionOperator } from "@/server/auth/get-session-operator";
import { SESSION_COOKIE } from "@/server/auth/session-token";
import { defaultDeps } from "@/server/deps";

// Once per request, however many server components ask.
export const currentOperator = cache(async (): Promise<SessionOperator | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionOperator(token, defaultDeps());
});

// Every console page calls this itself: layouts are not re-run on client navigation, so a check
// that only lives in a layout is not a check.
export const requirePageOperator = async (
  permission: Permission = "console:read",
  options: { allowPasswordChange?: boolean } = {},
): Promise<SessionOperator> => {
  const operator = await currentOperator();
  if (!operator) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (operator.mustChangePassword && !options.allowPasswordChange) redirect("/account?required=1");
  if (!hasPermission(operator.role, permission)) forbidden();
  return operator;
};
