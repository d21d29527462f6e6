import { formatV1Timestamp } from "../time-formats";
import { compareJavaStrings } from "../jackson-json";
import { computeV1AuthToken, computeV1KitAuthToken, V1_AUTH_TOKEN_HEADER } from "../v1-auth-token";
import { KIT_SIGNATURE_HEADERS, signKitRequestAsMarketplace, signV2RequestAsMarketplace } from "../v2-signature";
import type { SimGeneration } from "./catalogue";
import type { CallbackParams, KitInterface } from "./buyer-actions";

export interface SignedHttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  /** "" for a V1 GET. */
  body: string;
}

export const SIMULATOR_USER_AGENT = "KooGallery-Marketplace-Simulator/1.0";

export interface SignCallbackInput {
  targetUrl: string;
  generation: SimGeneration;
  params: CallbackParams;
  /** A 联营Kit call: posted to {targetUrl}/produceAPI[/v2]/<kit>. */
  kit?: KitInterface;
  key: string;
  now: Date;
  /** Fixed nonce for vectors; otherwise 32 random bytes as upper-case hex, like the examples. */
  nonce?: string;
  randomBytes?: (size: number) => Uint8Array;
}

const appendQuery = (targetUrl: string, query: string) => `${targetUrl}${targetUrl.includes("?") ? "&" : "?"}${query}`;

/*
 * V1 (§2.2, §3.1): GET with every parameter in the query string, each value
 * percent-encoded as the marketplace sends it (so a "+" in authToken
 * arrives as %2B), authToken computed over the decoded values with
 * Key值 + timeStamp.
 */
function signV1(input: SignCallbackInput): SignedHttpRequest {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.params)) {
    if (typeof value !== "string") throw new TypeError(`V1 parameter ${name} must be a string`);
    params[name] = value;
  }
  params.timeStamp = formatV1Timestamp(input.now);
  params.authToken = computeV1AuthToken(params, input.key);
  const query = Object.keys(params)
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name] ?? "")}`)
    .join("&");
  return { method: "GET", url: appendQuery(input.targetUrl, query), headers: { "User-Agent": SIMULATOR_USER_AGENT }, body: "" };
}

/*
 * V2 (§2.4, §3.2): POST JSON, keys ascending and compact as in the
 * marketplace's own examples; signature, timestamp (epoch ms) and nonce in
 * the query string, the signature in upper case.
 */
function signV2(input: SignCallbackInput): SignedHttpRequest {
  const sorted = Object.fromEntries(Object.entries(input.params).sort(([a], [b]) => compareJavaStrings(a, b)));
  const signed = signV2RequestAsMarketplace({
    accessKey: input.key,
    body: JSON.stringify(sorted),
    now: input.now,
    nonce: input.nonce,
    randomBytes: input.randomBytes,
  });
  const query = `signature=${signed.signature}&timestamp=${signed.timestamp}&nonce=${signed.nonce}`;
  return {
    method: "POST",
    url: appendQuery(input.targetUrl, query),
    headers: { "Content-Type": "application/json", "User-Agent": SIMULATOR_USER_AGENT },
    body: signed.body,
  };
}

/** The marketplace appends the kit path to the production address itself (§0), before any query. */
const kitUrl = (targetUrl: string, path: string) => {
  const [base = "", query] = targetUrl.split("?", 2);
  return `${base.replace(/\/+$/, "")}${path}${query === undefined ? "" : `?${query}`}`;
};

/*
 * 联营Kit (§2.2 POST variant, §2.5, §3.5): JSON body with the top-level keys
 * ascending. V2 signs with the kit key into x-sign/x-timestamp/x-nonce (no
 * inner HMAC); V1 puts authToken (Key值 + the body's timeStamp) in a header.
 */
function signKit(input: SignCallbackInput & { kit: KitInterface }): SignedHttpRequest {
  const body = JSON.stringify(Object.fromEntries(Object.entries(input.params).sort(([a], [b]) => compareJavaStrings(a, b))));
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": SIMULATOR_USER_AGENT };
  if (input.generation === "v1") {
    headers[V1_AUTH_TOKEN_HEADER] = computeV1KitAuthToken(input.params, input.key);
    return { method: "POST", url: kitUrl(input.targetUrl, `/produceAPI/${input.kit}`), headers, body };
  }
  const signed = signKitRequestAsMarketplace({ accessKey: input.key, body, now: input.now, nonce: input.nonce, randomBytes: input.randomBytes });
  headers[KIT_SIGNATURE_HEADERS.signature] = signed.signature;
  headers[KIT_SIGNATURE_HEADERS.timestamp] = signed.timestamp;
  headers[KIT_SIGNATURE_HEADERS.nonce] = signed.nonce;
  return { method: "POST", url: kitUrl(input.targetUrl, `/produceAPI/v2/${input.kit}`), headers, body: signed.body };
}

export function signCallbackRequest(input: SignCallbackInput): SignedHttpRequest {
  if (input.key === "") throw new TypeError("the simulator needs the seller's key to sign a callback");
  if (input.kit) return signKit({ ...input, kit: input.kit });
  return input.generation === "v1" ? signV1(input) : signV2(input);
}
