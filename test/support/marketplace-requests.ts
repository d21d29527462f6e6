import { randomBytes, randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import type { InboundRequest } from "@/generated/prisma/client";
import { computeV1AuthToken, computeV2Signature, formatV1Timestamp, verifyBodySign } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import type { RawCallbackRequest } from "@/server/gateway/inbound-request-store";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { receiveCallback } from "@/server/gateway/receive-callback";
import { updateSettings } from "@/server/settings/update-settings";

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

// Distinct, valid keys (printable ASCII, ≥ 6 characters) so that a test can tell which one signed.
export const TEST_KEYS = {
  v1: "v1-key-7f3a9c",
  basic: "basic-current-2b8e41",
  basicPrevious: "basic-previous-9d0c77",
  licence: "licence-current-5e61aa",
  licencePrevious: "licence-previous-c4d2f0",
} as const;

export const ALL_TEST_KEYS: readonly string[] = Object.values(TEST_KEYS);

export const configureTestKeys = async (deps: Deps, extra: Record<string, string | null> = {}) => {
  await updateSettings(
    {
      "marketplace.v1Key": TEST_KEYS.v1,
      "marketplace.basicAccessKey.current": TEST_KEYS.basic,
      "marketplace.basicAccessKey.previous": TEST_KEYS.basicPrevious,
      "marketplace.licenseAccessKey.current": TEST_KEYS.licence,
      "marketplace.licenseAccessKey.previous": TEST_KEYS.licencePrevious,
      ...extra,
    },
    null,
    null,
    deps,
  );
  forgetMarketplaceKeys();
};

export type SentCallback = {
  body: string;
  headers: Record<string, string>;
  // The answer as the marketplace reads it.
  json: Record<string, unknown> & { resultCode: string; resultMsg: string };
  // The inbound_requests row written for exactly this request.
  row: InboundRequest;
};

const TRACE_HEADER = "x-test-trace";

// Tags the request with a header of its own so its stored row can be found even among
// concurrent requests, then asserts what holds for every callback: HTTP 200, JSON, and the
// row answered with exactly the bytes returned. node:assert rather than vitest's expect, so
// scripts (the benchmark) can import the request builders above outside a test run.
export const sendCallback = async (request: RawCallbackRequest, deps: Deps): Promise<SentCallback> => {
  const trace = randomUUID();
  const headers = new Headers(request.headers);
  headers.set(TRACE_HEADER, trace);
  const response = await receiveCallback({ ...request, headers }, deps);
  assert.equal(response.status, 200);
  assert.equal(response.headers["Content-Type"], "application/json");
  const json = JSON.parse(response.body) as SentCallback["json"];
  const row = await deps.db.inboundRequest.findFirstOrThrow({ where: { headers: { path: [TRACE_HEADER], equals: trace } } });
  assert.equal(row.state, "answered");
  assert.equal(row.answerBody, response.body);
  assert.equal(row.resultCode, json.resultCode);
  assert.equal(row.resultMessage, json.resultMsg);
  assert.deepEqual(row.answerHeaders, response.headers);
  assert.ok(row.answeredAt, "answeredAt is set");
  assert.ok(row.latencyMs !== null && row.latencyMs >= 0, "latencyMs is recorded");
  return { body: response.body, headers: response.headers, json, row };
};

// The Body-Sign header must verify with the key the marketplace expects, and with no other
// configured key: a right-looking header under the wrong key is still a rejected answer.
export const expectBodySignedWith = (sent: Pick<SentCallback, "body" | "headers">, key: string) => {
  const header = sent.headers["Body-Sign"];
  assert.ok(header, "the answer carries a Body-Sign header");
  assert.deepEqual(verifyBodySign({ body: sent.body, header, key }), { ok: true });
  for (const other of ALL_TEST_KEYS.filter((k) => k !== key)) {
    assert.equal(verifyBodySign({ body: sent.body, header, key: other }).ok, false, "the answer is signed with the expected key only");
  }
};

// Rows a callback may create or change; compared before and after a refused request.
export const countBusinessRows = async (deps: Pick<Deps, "db">) => {
  const { db } = deps;
  const [instances, instanceEvents, orders, orderLines, products, licences, licenceCodes] = await Promise.all([
    db.instance.count(),
    db.instanceEvent.count(),
    db.order.count(),
    db.orderLine.count(),
    db.product.count(),
    db.licence.count(),
    db.licenceCode.count(),
  ]);
  const latestInstanceChange = await db.instance.aggregate({ _max: { updatedAt: true } });
  return { instances, instanceEvents, orders, orderLines, products, licences, licenceCodes, latestInstanceChange: latestInstanceChange._max.updatedAt };
};

let sequence = 0;
// Marketplace-looking ids, unique per test run so that no test depends on another's rows.
export const uniqueOrderId = (prefix = "CS") => `${prefix}${Date.now().toString(36).toUpperCase()}${(++sequence).toString().padStart(4, "0")}${randomBytes(2).toString("hex").toUpperCase()}`;

/** A V2 newInstance body for a fresh order (one line). */
export const newInstanceBody = () => {
  const orderId = uniqueOrderId();
  return { activity: "newInstance", orderId, orderLineId: `${orderId}-000001`, businessId: randomUUID() };
};

/** V1 newInstance query parameters for a fresh order of `productId`. */
export const newInstanceParams = (productId: string) => ({
  activity: "newInstance",
  customerId: "cust",
  businessId: randomUUID(),
  orderId: uniqueOrderId(),
  productId,
});
