import type { NextRequest } from "next/server";
import { defaultDeps } from "@/server/deps";
import { readCallbackRequest } from "@/server/gateway/read-callback-request";
import { receiveCallback } from "@/server/gateway/receive-callback";
import { logger } from "@/server/logger";

// The marketplace treats anything but HTTP 200 + JSON as a failure and retries, so even a broken
// database gets a well-formed 000005 answer (unsigned: the key could not be read).
export const callbackRoute = async (request: NextRequest): Promise<Response> => {
  try {
    const deps = defaultDeps();
    const raw = await readCallbackRequest(request, deps.now());
    const response = await receiveCallback(raw, deps);
    return new Response(response.body, { status: 200, headers: response.headers });
  } catch (error) {
    logger.error({ err: error }, "callback could not be stored");
    return new Response(JSON.stringify({ resultCode: "000005", resultMsg: "the seller console could not store the request; please retry" }), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  }
};
