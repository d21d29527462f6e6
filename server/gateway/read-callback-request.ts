import type { NextRequest } from "next/server";
import { MAX_CALLBACK_BODY_BYTES, type RawCallbackRequest } from "@/server/gateway/inbound-request-store";
import { clientIp } from "@/server/http/request-info";

// Reads at most the limit (plus one byte to know it was exceeded): an oversized body is kept
// truncated for the record, never buffered whole.
const readCapped = async (request: NextRequest): Promise<{ body: Buffer; size: number; truncated: boolean }> => {
  if (!request.body) return { body: Buffer.alloc(0), size: 0, truncated: false };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CALLBACK_BODY_BYTES) {
      chunks.push(Buffer.from(value.subarray(0, Math.max(0, value.byteLength - (size - MAX_CALLBACK_BODY_BYTES)))));
      await reader.cancel().catch(() => undefined);
      return { body: Buffer.concat(chunks), size, truncated: true };
    }
    chunks.push(Buffer.from(value));
  }
  return { body: Buffer.concat(chunks), size, truncated: false };
};

export const readCallbackRequest = async (request: NextRequest, receivedAt: Date): Promise<RawCallbackRequest> => {
  const { body, size, truncated } = await readCapped(request);
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.startsWith("?") ? url.search.slice(1) : url.search,
    headers: request.headers,
    body,
    bodySize: size,
    bodyTruncated: truncated,
    clientIp: clientIp(request.headers),
    receivedAt,
  };
};
