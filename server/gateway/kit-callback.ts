import {
  buildResultAnswer,
  KIT_SIGNATURE_HEADERS,
  V1_AUTH_TOKEN_HEADER,
  V2_TIMESTAMP_TOLERANCE_MS,
  verifyKitSignature,
  verifyV1KitAuthToken,
  type Answer,
} from "@/lib/marketplace/koogallery";
import { parseJsonPreservingOrder, toPlainJson } from "@/lib/marketplace/koogallery/jackson-json";
import {
  isKitInterfaceName,
  KIT_INTERFACE_NAMES,
  kitTestFlagOf,
  parseKitRequest,
  type KitGeneration,
} from "@/lib/marketplace/koogallery/kit-schemas";
import type { Deps } from "@/server/deps";
import type { RawCallbackRequest } from "@/server/gateway/inbound-request-store";
import type { MarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { claimNonce } from "@/server/gateway/nonce-store";
import { handleKitSync } from "@/server/kit/handle-kit-sync";
import { logger } from "@/server/logger";

export type KitOutcome = {
  generation: "kit";
  /** How the answer is serialised: V1 kit answers are ASCII-escaped and carry Body-Sign (§2.3). */
  answerGeneration: KitGeneration;
  activity: string | null;
  verification: string;
  keyUsed: string | null;
  signKey: string | null;
  answer: Answer;
  testFlag: boolean;
  instanceId?: string;
  error?: string;
};

/** `/…/produceAPI/v2/<name>` is V2 (x-sign), `/…/produceAPI/<name>` is V1 (authToken header) (§3.5). */
export const kitRoute = (path: string): { generation: KitGeneration; name: string } => {
  const rest = path.slice(path.indexOf("/produceAPI") + "/produceAPI".length).replace(/^\/+/, "").replace(/\/+$/, "");
  return rest.startsWith("v2/") || rest === "v2" ? { generation: "v2", name: rest.slice(3) } : { generation: "v1", name: rest };
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

const isJsonContentType = (value: string | null) => (value ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";

// The 联营Kit sync calls (§3.5): verified like every other callback — V2 with x-sign over the
// Jackson-canonical body (no inner HMAC, §2.5), a 60 s timestamp window and a nonce claimed once;
// V1 with the authToken header over the body fields (§2.2; V1 defines no timestamp window, as for
// the V1 GET activities). Then parsed, handled idempotently (§4) and answered. The marketplace
// does not retry kit calls (§5): a failure is re-triggered by the buyer or the enterprise admin.
export const handleKitCallback = async (raw: RawCallbackRequest, keys: MarketplaceKeys, ctx: { inboundRequestId: bigint; deps: Deps }): Promise<KitOutcome> => {
  const { generation, name } = kitRoute(raw.path);
  const candidates =
    generation === "v2"
      ? keys.kit.map((key, i) => ({ key, name: i === 0 ? "kit" : "kit-previous" }))
      : keys.v1Key
        ? [{ key: keys.v1Key, name: "v1" }]
        : [];
  const base = { generation: "kit" as const, answerGeneration: generation, activity: name.slice(0, 64) || null, keyUsed: null, signKey: candidates[0]?.key ?? null, testFlag: false };
  const fail = (verification: string, code: "000001" | "000002" | "000005", message: string, extra: Partial<KitOutcome> = {}): KitOutcome => ({
    ...base,
    verification,
    ...extra,
    answer: buildResultAnswer(code, message),
  });

  if (raw.method !== "POST") return fail("not-verified", "000002", `method ${raw.method} is not used for 联营Kit sync interfaces (POST only)`);
  if (raw.bodyTruncated) return fail("not-verified", "000002", "the request body is larger than the console accepts");
  const contentType = raw.headers.get("content-type");
  if (!isJsonContentType(contentType)) {
    return fail("not-verified", "000002", `the request content type must be application/json, got ${JSON.stringify((contentType ?? "").slice(0, 60))}`);
  }
  if (candidates.length === 0) {
    return fail("no-key-configured", "000001", generation === "v2" ? "the seller has not configured the 联营SaaS同步接口 (kit) access key" : "the seller has not configured its V1 key (Key值)");
  }
  let body: string;
  try {
    body = strictUtf8.decode(raw.body);
  } catch {
    return fail("invalid-body", "000002", "the request body is not valid UTF-8");
  }
  const json = parseJsonPreservingOrder(body);
  if (!json.ok) return fail("invalid-body", "000002", json.message);
  if (json.value.kind !== "object") return fail("invalid-body", "000002", "the request body must be a JSON object");
  const plain = toPlainJson(json.value) as Record<string, unknown>;

  let used: { key: string; name: string };
  if (generation === "v2") {
    const verified = verifyKitSignature({
      signature: raw.headers.get(KIT_SIGNATURE_HEADERS.signature),
      timestamp: raw.headers.get(KIT_SIGNATURE_HEADERS.timestamp),
      nonce: raw.headers.get(KIT_SIGNATURE_HEADERS.nonce),
      body,
      keys: candidates.map((c) => c.key),
      now: ctx.deps.now(),
    });
    if (!verified.ok) return fail(verified.reason, verified.resultCode, verified.message);
    used = candidates[verified.keyIndex]!;
    if (!(await claimNonce(verified.nonce, verified.timestampMs, V2_TIMESTAMP_TOLERANCE_MS, ctx.deps))) {
      return fail("replayed-nonce", "000002", "x-nonce was already used: the request is a replay", { keyUsed: used.name, signKey: used.key });
    }
  } else {
    const verified = verifyV1KitAuthToken(plain, raw.headers.get(V1_AUTH_TOKEN_HEADER), candidates[0]!.key);
    if (!verified.ok) return fail(verified.reason, verified.resultCode, verified.message);
    used = candidates[0]!;
  }
  const signed = { keyUsed: used.name, signKey: used.key, testFlag: kitTestFlagOf(plain) };

  if (!isKitInterfaceName(name)) {
    return fail("ok", "000002", `unknown 联营Kit interface ${JSON.stringify(name.slice(0, 40))}; supported: ${KIT_INTERFACE_NAMES.join(", ")}`, signed);
  }
  const parsed = parseKitRequest(name, generation, plain);
  if (!parsed.ok) return fail("ok", parsed.resultCode, parsed.message, signed);
  const instanceId = parsed.data.instanceId || undefined;
  try {
    await handleKitSync(parsed, { deps: ctx.deps, generation, inboundRequestId: ctx.inboundRequestId });
  } catch (error) {
    logger.error({ err: error, inboundRequestId: ctx.inboundRequestId.toString() }, "kit sync handling failed");
    return fail("ok", "000005", "internal error while handling the request; it has been recorded for review", {
      ...signed,
      instanceId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
  return { ...base, ...signed, verification: "ok", instanceId, answer: buildResultAnswer("000000", "Success") };
};
