import { randomBytes } from "node:crypto";
import { computeV1AuthToken, computeV2Signature, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import type { RawCallbackRequest } from "@/server/gateway/inbound-request-store";

// Requests as the marketplace sends them, for tests that drive the gateway without HTTP.
export const v1Request = (params: Record<string, string>, key: string, now = new Date()): RawCallbackRequest => {
  const signed: Record<string, string> = { timeStamp: formatV1Timestamp(now), ...params };
  signed.authToken = computeV1AuthToken(signed, key);
  const query = Object.entries(signed)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  return raw("GET", query, Buffer.alloc(0), {});
};

export const v2Request = (
  body: Record<string, unknown> | string,
  key: string,
  options: { now?: Date; nonce?: string; timestamp?: string; contentType?: string } = {},
): RawCallbackRequest => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const nonce = options.nonce ?? randomBytes(32).toString("hex").toUpperCase();
  const timestamp = options.timestamp ?? String((options.now ?? new Date()).getTime());
  const signature = computeV2Signature({ accessKey: key, nonce, timestamp, body: text }).toUpperCase();
  const query = `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`;
  return raw("POST", query, Buffer.from(text), { "content-type": options.contentType ?? "application/json" });
};

export const raw = (method: string, query: string, body: Buffer, headers: Record<string, string>, path = "/api/koogallery"): RawCallbackRequest => ({
  method,
  path,
  query,
  headers: new Headers(headers),
  body,
  bodySize: body.byteLength,
  bodyTruncated: false,
  clientIp: "127.0.0.1",
  receivedAt: new Date(),
});
