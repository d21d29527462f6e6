import type { Generation } from "@/domain/callbacks/callback-command";
import {
  buildResultAnswer,
  parseV1Request,
  parseV2Request,
  serializeAnswer,
  V2_TIMESTAMP_TOLERANCE_MS,
  verifyV1Query,
  verifyV2Signature,
  type Answer,
} from "@/lib/marketplace/koogallery";
import { V2_LICENCE_ONLY_ACTIVITIES, v1ToCommand, v2ToCommand } from "@/lib/marketplace/koogallery/to-callback-command";
import type { Deps } from "@/server/deps";
import type { CallbackContext } from "@/server/gateway/callback-context";
import { handleCommand } from "@/server/gateway/handlers";
import { handleKitCallback } from "@/server/gateway/kit-callback";
import { finishInboundRequest, MAX_CALLBACK_BODY_BYTES, storeInboundRequest, type RawCallbackRequest } from "@/server/gateway/inbound-request-store";
import { loadMarketplaceKeys, type MarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { claimNonce } from "@/server/gateway/nonce-store";
import { logger } from "@/server/logger";
import { enqueueOrderFetch } from "@/server/orders/enqueue-order-fetch";

export type CallbackResponse = { status: 200; body: string; headers: Record<string, string> };

type Outcome = {
  generation: Generation | "kit" | null;
  /** Kit answers follow their own generation: V1 kit answers are V1 (ASCII JSON + Body-Sign). */
  answerGeneration?: Generation;
  activity: string | null;
  verification: string;
  keyUsed: string | null;
  signKey: string | null;
  answer: Answer;
  testFlag: boolean;
  orderId?: string;
  instanceId?: string;
  error?: string;
};

const activityHint = (raw: RawCallbackRequest): string | null => {
  try {
    if (raw.method === "GET") return new URLSearchParams(raw.query).get("activity");
    const parsed = JSON.parse(raw.body.toString("utf8")) as { activity?: unknown };
    return typeof parsed.activity === "string" ? parsed.activity.slice(0, 64) : null;
  } catch {
    return null;
  }
};

const fail = (partial: Omit<Outcome, "answer" | "testFlag"> & { testFlag?: boolean }, code: "000001" | "000002" | "000005", message: string): Outcome => ({
  testFlag: false,
  ...partial,
  answer: buildResultAnswer(code, message),
});

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

// A verified request whose handling failed still gets its answer signed with the key that
// verified it: the marketplace checks Body-Sign with that key, and retries a 000005 it can trust.
const handleVerified = async (
  command: Parameters<typeof handleCommand>[0],
  ctx: CallbackContext,
  verified: Omit<Outcome, "answer" | "testFlag" | "verification">,
): Promise<Outcome> => {
  try {
    const result = await handleCommand(command, ctx);
    return { ...verified, verification: "ok", testFlag: ctx.testFlag, ...result };
  } catch (error) {
    logger.error({ err: error, inboundRequestId: ctx.inboundRequestId.toString() }, "callback handling failed");
    return {
      ...fail({ ...verified, verification: "ok", testFlag: ctx.testFlag }, "000005", "internal error while handling the request; it has been recorded for review"),
      error: describeError(error),
    };
  }
};

// RFC 8259 JSON is UTF-8; a body that is not would be read with replacement characters and the
// data stored would differ from the data sent, so it is refused before anything reads it.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const decodeUtf8 = (bytes: Buffer): string | null => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
};

// The media type alone decides, so "application/json; charset=UTF-8" is accepted and
// "application/jsonp" or "application/json-patch+json" are not.
const isJsonContentType = (value: string | null) => (value ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";

const handleV1 = async (raw: RawCallbackRequest, keys: MarketplaceKeys, ctxBase: Omit<CallbackContext, "generation" | "testFlag" | "answerKey" | "config">): Promise<Outcome> => {
  const base = { generation: "v1" as const, activity: activityHint(raw), keyUsed: null, signKey: keys.v1Key };
  if (!keys.v1Key) return fail({ ...base, verification: "no-key-configured" }, "000001", "the seller has not configured its V1 key (Key值)");
  const verified = verifyV1Query(raw.query, keys.v1Key);
  if (!verified.ok) return fail({ ...base, verification: verified.reason }, verified.resultCode, verified.message);
  const parsed = parseV1Request(verified.params);
  const testFlag = verified.params.testFlag === "1";
  if (!parsed.ok) return fail({ ...base, verification: "ok", keyUsed: "v1", testFlag }, "000002", parsed.message);
  const ctx: CallbackContext = { ...ctxBase, generation: "v1", testFlag, answerKey: keys.v1Key, config: keys };
  return handleVerified(v1ToCommand(parsed), ctx, { ...base, activity: parsed.activity, keyUsed: "v1" });
};

const handleV2 = async (raw: RawCallbackRequest, keys: MarketplaceKeys, ctxBase: Omit<CallbackContext, "generation" | "testFlag" | "answerKey" | "config">): Promise<Outcome> => {
  const activity = activityHint(raw);
  // Licence activities are signed only with the License key; instance activities come with the
  // basic key, or the License key for 在线开通License products, so both are tried (§2.1, §3.3).
  const licenceOnly = activity !== null && V2_LICENCE_ONLY_ACTIVITIES.has(activity);
  const candidates = licenceOnly
    ? keys.licence.map((key, i) => ({ key, name: i === 0 ? "licence" : "licence-previous" }))
    : [
        ...keys.basic.map((key, i) => ({ key, name: i === 0 ? "basic" : "basic-previous" })),
        ...keys.licence.map((key, i) => ({ key, name: i === 0 ? "licence" : "licence-previous" })),
      ];
  const base = { generation: "v2" as const, activity, keyUsed: null, signKey: candidates[0]?.key ?? null };
  if (candidates.length === 0) {
    return fail({ ...base, verification: "no-key-configured" }, "000001", `the seller has not configured the ${licenceOnly ? "License" : "basic"} interface access key`);
  }
  const params = new URLSearchParams(raw.query);
  const body = decodeUtf8(raw.body);
  if (body === null) return fail({ ...base, verification: "invalid-body" }, "000002", "the request body is not valid UTF-8");
  const now = ctxBase.deps.now();
  const verified = verifyV2Signature({
    signature: params.get("signature"),
    timestamp: params.get("timestamp"),
    nonce: params.get("nonce"),
    body,
    keys: candidates.map((c) => c.key),
    now,
  });
  if (!verified.ok) return fail({ ...base, verification: verified.reason }, verified.resultCode, verified.message);
  const used = candidates[verified.keyIndex]!;
  const signed = { ...base, keyUsed: used.name, signKey: used.key };
  if (!(await claimNonce(verified.nonce, verified.timestampMs, V2_TIMESTAMP_TOLERANCE_MS, ctxBase.deps))) {
    return fail({ ...signed, verification: "replayed-nonce" }, "000002", "nonce was already used: the request is a replay");
  }
  const parsed = parseV2Request(body);
  if (!parsed.ok) return fail({ ...signed, verification: "ok" }, "000002", parsed.message);
  const testFlag = parsed.data.testFlag === "1";
  const ctx: CallbackContext = { ...ctxBase, generation: "v2", testFlag, answerKey: used.key, config: keys };
  return handleVerified(v2ToCommand(parsed), ctx, { ...signed, activity: parsed.activity });
};

// The marketplace's callback, end to end: stored raw first (its own committed write), then
// verified, handled and answered — always HTTP 200 with a signed JSON body, whatever happens.
export const receiveCallback = async (raw: RawCallbackRequest, deps: Deps): Promise<CallbackResponse> => {
  const started = performance.now();
  const requestId = await storeInboundRequest(raw, deps);
  let outcome: Outcome;
  let keys: MarketplaceKeys | null = null;
  try {
    keys = await loadMarketplaceKeys(deps);
    const ctxBase = { inboundRequestId: requestId, deps };
    if (raw.path.includes("/produceAPI")) {
      // 联营Kit sync interfaces (§3.5): POST {生产地址}/produceAPI[/v2]/<name>.
      outcome = await handleKitCallback(raw, keys, ctxBase);
    } else if (raw.bodyTruncated) {
      outcome = fail({ generation: raw.method === "GET" ? "v1" : "v2", activity: null, verification: "not-verified", keyUsed: null, signKey: raw.method === "GET" ? keys.v1Key : (keys.basic[0] ?? null) }, "000002", `the request body is larger than ${MAX_CALLBACK_BODY_BYTES} bytes`);
    } else if (raw.method === "GET") {
      outcome = await handleV1(raw, keys, ctxBase);
    } else if (raw.method === "POST") {
      const contentType = raw.headers.get("content-type") ?? "";
      outcome = isJsonContentType(contentType)
        ? await handleV2(raw, keys, ctxBase)
        : fail({ generation: "v2", activity: activityHint(raw), verification: "not-verified", keyUsed: null, signKey: keys.basic[0] ?? null }, "000002", `the request content type must be application/json, got ${JSON.stringify(contentType.slice(0, 60))}`);
    } else {
      outcome = fail({ generation: null, activity: null, verification: "not-verified", keyUsed: null, signKey: keys.v1Key }, "000002", `method ${raw.method} is not used by the marketplace`);
    }
  } catch (error) {
    // Failed before a key verified anything (e.g. the keys could not be read): signed, if at all,
    // with the key of the generation the method says, as any other unverified failure is.
    logger.error({ err: error, inboundRequestId: requestId.toString() }, "callback handling failed");
    const v1 = raw.method === "GET";
    outcome = fail(
      { generation: v1 ? "v1" : "v2", activity: activityHint(raw), verification: "error", keyUsed: null, signKey: (v1 ? keys?.v1Key : keys?.basic[0]) ?? null },
      "000005",
      "internal error while handling the request; it has been recorded for review",
    );
    outcome.error = describeError(error);
  }

  if (outcome.orderId && outcome.verification === "ok") {
    // The callback is a pointer; the order-query API has the record (§3.2). A failure to queue the
    // fetch must not fail the marketplace's answer: reconciliation catches the order later.
    await enqueueOrderFetch(outcome.orderId, null, deps).catch((error: unknown) =>
      logger.warn({ err: error, orderId: outcome.orderId }, "could not queue the order fetch"),
    );
  }

  const generation = outcome.answerGeneration ?? (outcome.generation === "v1" ? "v1" : "v2");
  const serialized = outcome.signKey
    ? serializeAnswer(outcome.answer, { generation, key: outcome.signKey })
    : { body: JSON.stringify(outcome.answer), headers: { "Content-Type": "application/json" } };
  const headers: Record<string, string> = { ...serialized.headers };
  const latencyMs = Math.round(performance.now() - started);
  try {
    await finishInboundRequest(
      requestId,
      {
        generation: outcome.generation,
        activity: outcome.activity,
        verification: outcome.verification,
        keyUsed: outcome.keyUsed,
        resultCode: outcome.answer.resultCode,
        resultMessage: outcome.answer.resultMsg ?? "",
        answerBody: serialized.body,
        answerHeaders: headers,
        latencyMs,
        testFlag: outcome.testFlag,
        orderId: outcome.orderId ?? null,
        instanceId: outcome.instanceId ?? null,
        error: outcome.error ?? null,
      },
      deps.now(),
      deps,
    );
  } catch (error) {
    // The answer stands; the raw row stays "received" and housekeeping flags it for review.
    logger.error({ err: error, inboundRequestId: requestId.toString() }, "could not record the callback outcome");
  }
  return { status: 200, body: serialized.body, headers };
};
