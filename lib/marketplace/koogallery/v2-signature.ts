import { createHmac, randomBytes as nodeRandomBytes } from "node:crypto";
import {
  compareJavaStrings,
  parseJsonPreservingOrder,
  writeJacksonJson,
  type JsonValue,
} from "./jackson-json";
import { timingSafeEqualHex } from "./timing-safe";

/** Where the basic-interface values travel: query parameters of the POST URL. */
export const V2_SIGNATURE_QUERY_PARAMS = { signature: "signature", timestamp: "timestamp", nonce: "nonce" } as const;
/** Where the 联营Kit values travel: request headers. */
export const KIT_SIGNATURE_HEADERS = { signature: "x-sign", timestamp: "x-timestamp", nonce: "x-nonce" } as const;

/** The sample's window; the docs say "相差不超过60s". */
export const V2_TIMESTAMP_TOLERANCE_MS = 60_000;

// Examples use 16-64 characters; nothing is documented. The cap only keeps a
// replay cache from being fed arbitrarily large keys.
const MAX_NONCE_LENGTH = 256;

export type SignedBody = string | Readonly<Record<string, unknown>>;

export type CanonicalPayloadResult = { ok: true; payload: string } | { ok: false; message: string };

type Flavour = "basic" | "kit";

function hmacHex(key: string, data: string): string {
  return createHmac("sha256", Buffer.from(key, "utf8")).update(Buffer.from(data, "utf8")).digest("hex");
}

function bodyText(body: SignedBody): string {
  return typeof body === "string" ? body : JSON.stringify(body);
}

/*
 * Basic interfaces: the sample reads the body into Map<String,String>, so
 * Jackson turns a number or boolean into its source text ("testFlag":1
 * signs as "testFlag":"1"). Kit interfaces read Map<String,Object> and keep
 * numbers as numbers. Both copy into a TreeMap (top-level keys ascending by
 * UTF-16 code unit) and drop top-level nulls; nested values are written in
 * received order.
 *
 * Objects inside a basic body (changeInstanceCheck's productInfo) would make
 * the sample's Map<String,String> fail to parse at all; the marketplace must
 * sign them some other way. Reading chosen: keep them as nested JSON in
 * received order, like the kit flavour. If that is wrong the request fails
 * verification (000001), never the reverse.
 */
function canonicalize(body: string, flavour: Flavour): CanonicalPayloadResult {
  const parsed = parseJsonPreservingOrder(body);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== "object") return { ok: false, message: "the request body must be a JSON object" };
  const entries = parsed.value.entries
    .filter(([, value]) => value.kind !== "null")
    .map(([key, value]): readonly [string, JsonValue] => {
      if (flavour === "basic" && value.kind === "number") return [key, { kind: "string", value: value.raw }];
      if (flavour === "basic" && value.kind === "boolean") return [key, { kind: "string", value: String(value.value) }];
      return [key, value];
    })
    .sort(([a], [b]) => compareJavaStrings(a, b));
  try {
    return { ok: true, payload: writeJacksonJson({ kind: "object", entries }) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: error.message };
    throw error;
  }
}

export function canonicalizeV2Body(body: SignedBody): CanonicalPayloadResult {
  return canonicalize(bodyText(body), "basic");
}

export function canonicalizeKitBody(body: SignedBody): CanonicalPayloadResult {
  return canonicalize(bodyText(body), "kit");
}

export interface SignatureInput {
  accessKey: string;
  nonce: string;
  timestamp: string;
  body: SignedBody;
}

function requirePayload(result: CanonicalPayloadResult): string {
  if (!result.ok) throw new TypeError(`cannot sign body: ${result.message}`);
  return result.payload;
}

function basicSignatureFromPayload(accessKey: string, nonce: string, timestamp: string, payload: string): string {
  return hmacHex(accessKey, accessKey + nonce + timestamp + hmacHex(accessKey, payload));
}

function kitSignatureFromPayload(accessKey: string, nonce: string, timestamp: string, payload: string): string {
  return hmacHex(accessKey, accessKey + nonce + timestamp + payload);
}

/** hex(HMAC(key, key + nonce + timestamp + hex(HMAC(key, payload)))), lower case. */
export function computeV2Signature(input: SignatureInput): string {
  const payload = requirePayload(canonicalizeV2Body(input.body));
  return basicSignatureFromPayload(input.accessKey, input.nonce, input.timestamp, payload);
}

/** hex(HMAC(key, key + nonce + timestamp + payload)): no inner HMAC. */
export function computeKitSignature(input: SignatureInput): string {
  const payload = requirePayload(canonicalizeKitBody(input.body));
  return kitSignatureFromPayload(input.accessKey, input.nonce, input.timestamp, payload);
}

export type V2VerifyFailureReason =
  | "missing-timestamp"
  | "invalid-timestamp"
  | "stale-timestamp"
  | "future-timestamp"
  | "missing-nonce"
  | "invalid-nonce"
  | "missing-signature"
  | "invalid-body"
  | "mismatch";

export type V2VerifyResult =
  | { ok: true; keyIndex: number; timestampMs: number; nonce: string }
  | { ok: false; resultCode: "000001" | "000002"; reason: V2VerifyFailureReason; message: string };

export interface V2VerifyInput {
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nonce: string | null | undefined;
  /** The raw request body text, exactly as received. */
  body: string;
  /**
   * Candidate keys, e.g. [current, previous] while rotating. The result
   * names the index that matched so the caller can tell when the old key is
   * no longer used.
   */
  keys: readonly string[];
  now: Date;
  /** Allowed distance in either direction. */
  toleranceMs?: number;
}

function isBlank(value: string | null | undefined): value is null | undefined | "" {
  return value === null || value === undefined || value.trim() === "";
}

function verify(input: V2VerifyInput, flavour: Flavour): V2VerifyResult {
  if (input.keys.length === 0 || input.keys.some((key) => key === "")) {
    // An empty HMAC key is public knowledge; refusing it is a configuration
    // error for the caller, not a verdict about the request.
    throw new TypeError("verify needs at least one non-empty access key");
  }
  const names = flavour === "basic" ? V2_SIGNATURE_QUERY_PARAMS : KIT_SIGNATURE_HEADERS;
  const tolerance = input.toleranceMs ?? V2_TIMESTAMP_TOLERANCE_MS;

  // Same order of checks as the official sample.
  if (isBlank(input.timestamp)) {
    return { ok: false, resultCode: "000002", reason: "missing-timestamp", message: `${names.timestamp} is missing` };
  }
  const timestamp = input.timestamp.trim();
  // [CONFLICT] Some text says seconds; every example and the sample use
  // 13-digit epoch milliseconds. Accepting only milliseconds is the safe
  // reading: a seconds value would otherwise be judged against the wrong
  // window.
  if (!/^\d{13}$/.test(timestamp)) {
    return {
      ok: false,
      resultCode: "000002",
      reason: "invalid-timestamp",
      message: `${names.timestamp} must be epoch milliseconds (13 digits), got ${JSON.stringify(timestamp.slice(0, 32))}`,
    };
  }
  const timestampMs = Number(timestamp);
  const skew = input.now.getTime() - timestampMs;
  if (skew > tolerance) {
    return {
      ok: false,
      resultCode: "000002",
      reason: "stale-timestamp",
      message: `${names.timestamp} is ${skew} ms old, more than the allowed ${tolerance} ms`,
    };
  }
  // The sample only checks staleness; the docs say the difference must not
  // exceed 60 s, so a timestamp from the future is held to the same window.
  if (-skew > tolerance) {
    return {
      ok: false,
      resultCode: "000002",
      reason: "future-timestamp",
      message: `${names.timestamp} is ${-skew} ms in the future, more than the allowed ${tolerance} ms`,
    };
  }
  if (isBlank(input.nonce)) {
    return { ok: false, resultCode: "000002", reason: "missing-nonce", message: `${names.nonce} is missing` };
  }
  if (input.nonce.length > MAX_NONCE_LENGTH) {
    return {
      ok: false,
      resultCode: "000002",
      reason: "invalid-nonce",
      message: `${names.nonce} is ${input.nonce.length} characters, more than ${MAX_NONCE_LENGTH}`,
    };
  }
  const nonce = input.nonce;
  if (isBlank(input.signature)) {
    return { ok: false, resultCode: "000001", reason: "missing-signature", message: `${names.signature} is missing` };
  }
  const signature = input.signature.trim();
  const canonical = canonicalize(input.body, flavour);
  if (!canonical.ok) {
    return { ok: false, resultCode: "000002", reason: "invalid-body", message: canonical.message };
  }
  const compute = flavour === "basic" ? basicSignatureFromPayload : kitSignatureFromPayload;
  let keyIndex = -1;
  // Every key is tried so the time taken does not reveal which one matched.
  input.keys.forEach((key, index) => {
    const expected = compute(key, nonce, timestamp, canonical.payload);
    if (timingSafeEqualHex(expected, signature) && keyIndex === -1) keyIndex = index;
  });
  if (keyIndex === -1) {
    return { ok: false, resultCode: "000001", reason: "mismatch", message: `${names.signature} does not match` };
  }
  return { ok: true, keyIndex, timestampMs, nonce };
}

/**
 * Verifies a V2 basic-interface request. The caller still has to reject a
 * nonce it has already seen within twice the tolerance (replay cache).
 */
export function verifyV2Signature(input: V2VerifyInput): V2VerifyResult {
  return verify(input, "basic");
}

export function verifyKitSignature(input: V2VerifyInput): V2VerifyResult {
  return verify(input, "kit");
}

export interface SignAsMarketplaceInput {
  accessKey: string;
  body: SignedBody;
  now: Date;
  nonce?: string;
  randomBytes?: (size: number) => Uint8Array;
}

export interface SignedV2Values {
  signature: string;
  timestamp: string;
  nonce: string;
  body: string;
}

function marketplaceNonce(input: SignAsMarketplaceInput): string {
  if (input.nonce !== undefined) return input.nonce;
  return Buffer.from((input.randomBytes ?? nodeRandomBytes)(32)).toString("hex").toUpperCase();
}

/**
 * Signs a body the way the marketplace does, for the simulator: upper-case
 * signature and a 64-hex-character nonce, as in the official examples.
 */
export function signV2RequestAsMarketplace(input: SignAsMarketplaceInput): SignedV2Values {
  const body = bodyText(input.body);
  const nonce = marketplaceNonce(input);
  const timestamp = String(input.now.getTime());
  const signature = computeV2Signature({ accessKey: input.accessKey, nonce, timestamp, body }).toUpperCase();
  return { signature, timestamp, nonce, body };
}

export function signKitRequestAsMarketplace(input: SignAsMarketplaceInput): SignedV2Values {
  const body = bodyText(input.body);
  const nonce = marketplaceNonce(input);
  const timestamp = String(input.now.getTime());
  const signature = computeKitSignature({ accessKey: input.accessKey, nonce, timestamp, body });
  return { signature, timestamp, nonce, body };
}
