import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { hasPermission, type Permission } from "@/domain/auth/roles";
import { getSessionOperator, type SessionOperator } from "@/server/auth/get-session-operator";
import { SESSION_COOKIE } from "@/server/auth/session-token";
import { defaultDeps, type Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { problemFromError, zodIssues } from "@/server/http/problem";
import { clientIp } from "@/server/http/request-info";

type Auth = { permission: Permission } | "public" | "signed-in";

type Schemas<Q, B, P> = { query?: z.ZodType<Q>; body?: z.ZodType<B>; params?: z.ZodType<P> };

export type RouteHandlerInput<Q, B, P, A extends Auth> = {
  request: NextRequest;
  requestId: string;
  ipAddress: string | null;
  operator: A extends "public" ? SessionOperator | null : SessionOperator;
  deps: Deps;
  query: Q;
  body: B;
  params: P;
};

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const parseOrThrow = <T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T => {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", `The request ${where} has invalid fields.`, {
      messageKey: "errors.validation",
      issues: zodIssues(parsed.error, where === "body" ? "" : where),
    });
  }
  return parsed.data;
};

// A cross-site form cannot send application/json without a CORS preflight, and the Origin check
// catches a browser that sends one anyway: together with SameSite=Lax cookies, this is the CSRF guard.
const assertSameOriginJson = (request: NextRequest, hasBody: boolean) => {
  const origin = request.headers.get("origin");
  if (origin && origin !== request.nextUrl.origin && origin !== `${request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")}://${request.headers.get("host")}`) {
    throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.", { messageKey: "errors.crossSite" });
  }
  if (hasBody && !request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.", {
      messageKey: "errors.jsonRequired",
    });
  }
};

const readJsonBody = async (request: NextRequest, maxBytes: number): Promise<unknown> => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.", { messageKey: "errors.badJson" });
  }
};

// Every console route handler goes through here: session and permission, zod on query, body and
// params, CSRF guard, problem+json for every failure. The handler itself only calls a use-case.
export const withRoute =
  <Q = undefined, B = undefined, P = undefined, A extends Auth = Auth>(
    options: { auth: A; maxBodyBytes?: number } & Schemas<Q, B, P>,
    handler: (input: RouteHandlerInput<Q, B, P, A>) => Promise<Response | object>,
  ) =>
  async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const deps = defaultDeps();
      const operator =
        options.auth === "public" ? null : await getSessionOperator(request.cookies.get(SESSION_COOKIE)?.value, deps);
      if (options.auth !== "public") {
        if (!operator) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { messageKey: "errors.signInRequired" });
        if (typeof options.auth === "object" && !hasPermission(operator.role, options.auth.permission)) {
          throw new AppError("FORBIDDEN", `Your role (${operator.role}) may not do this.`, { messageKey: "errors.forbidden" });
        }
      }
      const unsafe = UNSAFE_METHODS.has(request.method);
      if (unsafe) assertSameOriginJson(request, options.body !== undefined);
      const params = parseOrThrow(options.params, await context.params, "params");
      const query = parseOrThrow(options.query, Object.fromEntries(request.nextUrl.searchParams), "query");
      const body =
        options.body !== undefined
          ? parseOrThrow(options.body, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body")
          : (undefined as B);
      const result = await handler({
        request,
        requestId,
        ipAddress: clientIp(request.headers),
        operator: operator as RouteHandlerInput<Q, B, P, A>["operator"],
        deps,
        query,
        body,
        params,
      });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "x-request-id": requestId, "cache-control": "no-store" } });
    } catch (error) {
      return problemFromError(error, requestId);
    }
  };
