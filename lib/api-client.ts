// The console's fetch: JSON in, JSON out, and problem+json turned into an ApiError that forms and
// TanStack Query can show field by field.
export type ApiIssue = { path: string; code: string; message: string };

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly messageKey: string | undefined,
    readonly issues: ApiIssue[],
  ) {
    super(message);
  }
}

export const apiFetch = async <T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> => {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    credentials: "same-origin",
  });
  if (response.ok) return (await response.json()) as T;
  let problem: { detail?: string; messageKey?: string; issues?: ApiIssue[] } = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem+json (a proxy's error page, say): fall back to the status text.
  }
  if (response.status === 401 && typeof window !== "undefined" && !path.startsWith("/api/auth/")) {
    window.location.href = `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
  }
  throw new ApiError(response.status, problem.detail ?? response.statusText, problem.messageKey, problem.issues ?? []);
};
