import { ZodError } from "zod";
import { AppError, type FieldIssue } from "@/server/errors";
import { logger } from "@/server/logger";

// RFC 9457 problem details; `issues` names each bad field so forms can show it inline and
// `messageKey` lets the UI translate the message.
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  messageKey?: string;
  issues?: FieldIssue[];
  requestId?: string;
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export const zodIssues = (error: ZodError, prefix = ""): FieldIssue[] =>
  error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    // Our own schemas put translation keys in message; zod's built-in ones get "validation.<code>".
    const ownKey = /^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(issue.message);
    return { path, code: ownKey ? issue.message : `validation.${issue.code}`, message: issue.message };
  });

export const problemResponse = (body: ProblemBody, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });

export const problemFromError = (error: unknown, requestId: string): Response => {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.options.retryAfterSeconds) headers["retry-after"] = String(error.options.retryAfterSeconds);
    return problemResponse(
      {
        type: `about:blank#${error.code.toLowerCase()}`,
        title: TITLES[error.status] ?? "Error",
        status: error.status,
        detail: error.message,
        messageKey: error.options.messageKey,
        issues: error.options.issues,
        requestId,
      },
      headers,
    );
  }
  if (error instanceof ZodError) {
    return problemResponse({
      type: "about:blank#validation_failed",
      title: TITLES[422]!,
      status: 422,
      detail: "The request has invalid fields.",
      messageKey: "errors.validation",
      issues: zodIssues(error),
      requestId,
    });
  }
  logger.error({ err: error, requestId }, "unhandled error in route handler");
  return problemResponse({
    type: "about:blank#internal",
    title: TITLES[500]!,
    status: 500,
    detail: "An unexpected error occurred. It has been logged with the request id.",
    messageKey: "errors.internal",
    requestId,
  });
};
