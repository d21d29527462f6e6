import type { Transport } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { receiveCallback } from "@/server/gateway/receive-callback";

// Delivers to this console's gateway without a network hop: for the first-run demo seed (which
// runs before the HTTP server listens) and for integration tests. Only the path and query of
// the target URL matter here.
export const createInProcessTransport = (deps: Deps): Transport => async (request) => {
  const started = performance.now();
  const url = new URL(request.url);
  const body = Buffer.from(request.body, "utf8");
  const headers = new Headers(request.headers);
  const response = await receiveCallback(
    {
      method: request.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      headers,
      body,
      bodySize: body.byteLength,
      bodyTruncated: false,
      clientIp: "127.0.0.1",
      receivedAt: deps.now(),
    },
    deps,
  );
  const answerHeaders = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { kind: "answered", status: response.status, headers: answerHeaders, body: response.body, latencyMs: Math.round(performance.now() - started) };
};
