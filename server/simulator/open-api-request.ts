import { APIG_ALGORITHM, verifyApigRequest } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { readSettingValue } from "@/server/settings/settings-repository";

// What the simulated open APIs receive; route handlers read it from the NextRequest. Only the
// path and query of `url` are signed (the host travels in the signed Host header).
export type OpenApiRequest = { method: string; url: string; headers: Record<string, string>; body: string };

export type OpenApiResponse = { status: number; body: unknown };

// The API gateway's own refusal (APIG error codes), before the marketplace sees the call.
const apigRefusal = (message: string): OpenApiResponse => ({
  status: 401,
  body: { error_code: "APIGW.0301", error_msg: `Incorrect IAM authentication information: ${message}`, request_id: crypto.randomUUID().replaceAll("-", "") },
});

/** Verifies the seller's AK/SK signature (§2.9) with the AK/SK configured in the console's settings. */
export const verifyOpenApiSignature = async (
  request: OpenApiRequest,
  deps: Pick<Deps, "db" | "secretBox" | "now">,
): Promise<OpenApiResponse | null> => {
  const [ak, sk] = await Promise.all([readSettingValue("marketplace.ak", deps), readSettingValue("marketplace.sk", deps)]);
  if (!ak || !sk) return apigRefusal("the console has no AK/SK configured (Settings → marketplace AK/SK), so no signature can be checked");
  const verified = verifyApigRequest({
    request: { method: request.method, url: request.url, headers: request.headers, body: request.body },
    resolveSecretKey: (accessKey) => (accessKey === ak ? sk : undefined),
    now: deps.now(),
  });
  return verified.ok ? null : apigRefusal(`${APIG_ALGORITHM} ${verified.message}`);
};

export const readOpenApiRequest = async (request: Request): Promise<OpenApiRequest> => {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  return { method: request.method, url: `${url.origin}${url.pathname}${url.search}`, headers, body };
};

export const openApiResponse = (response: OpenApiResponse): Response =>
  new Response(JSON.stringify(response.body), { status: response.status, headers: { "Content-Type": "application/json;charset=UTF-8" } });
