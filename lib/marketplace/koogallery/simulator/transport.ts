import type { HttpExchange } from "./answer-checks";
import type { SignedHttpRequest } from "./signed-request";

/** Delivers one signed request and reports what came back (or why nothing did). */
export type Transport = (request: SignedHttpRequest, timeoutMs: number) => Promise<HttpExchange>;

/** The debugging tool waits 20 s (§1, §9); the requirement pages say 5 s (§13.11). */
export const DEFAULT_TIMEOUT_MS = 20_000;

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
};

/** Over the network with the platform's fetch; redirects are not followed, as a callback is not a browser. */
export const fetchTransport: Transport = async (request, timeoutMs) => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === "POST" ? request.body : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { kind: "answered", status: response.status, headers, body, latencyMs: elapsed() };
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return { kind: "timeout", timeoutMs, latencyMs: elapsed() };
    }
    return { kind: "unreachable", detail: describeError(error), latencyMs: elapsed() };
  }
};
