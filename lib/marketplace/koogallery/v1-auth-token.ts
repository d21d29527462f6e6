import { createHmac } from "node:crypto";
import { compareJavaStrings } from "./jackson-json";
import { timingSafeEqualString } from "./timing-safe";

export const V1_AUTH_TOKEN_PARAM = "authToken";
export const V1_TIMESTAMP_PARAM = "timeStamp";
/** V1 kit POSTs carry the token in this header instead of the body. */
export const V1_AUTH_TOKEN_HEADER = "authToken";

export type V1Params = Readonly<Record<string, string>>;

export type V1AuthFailureReason = "missing-token" | "missing-timestamp" | "mismatch";

export type V1AuthResult =
  | { ok: true }
  | { ok: false; reason: V1AuthFailureReason; resultCode: "000001" | "000002"; message: string };

/**
 * `k1=v1&k2=v2…` over every parameter except authToken, names ascending as in
 * the sample's TreeMap, values as decoded (no re-encoding). Empty values
 * stay in on GET: the docs say "all request parameters" and the debug cases
 * send an empty productId.
 */
export function buildV1StringToSign(params: V1Params): string {
  return Object.keys(params)
    .filter((name) => name !== V1_AUTH_TOKEN_PARAM)
    .sort(compareJavaStrings)
    .map((name) => `${name}=${params[name]}`)
    .join("&");
}

function hmacBase64(key: string, data: string): string {
  return createHmac("sha256", Buffer.from(key, "utf8")).update(Buffer.from(data, "utf8")).digest("base64");
}

function tokenFor(stringToSign: string, key: string, timeStamp: string): string {
  return hmacBase64(key + timeStamp, stringToSign);
}

/** Base64(HMAC-SHA256(key + timeStamp, stringToSign)). */
export function computeV1AuthToken(params: V1Params, key: string): string {
  const timeStamp = params[V1_TIMESTAMP_PARAM];
  if (timeStamp === undefined) throw new TypeError("computeV1AuthToken needs a timeStamp parameter");
  return tokenFor(buildV1StringToSign(params), key, timeStamp);
}

/*
 * Base64 never contains a space, so a space in a received token can only be
 * a "+" that a form decoder turned into a space (the spec's pitfall); turning
 * it back cannot make a wrong token match.
 */
function normaliseToken(token: string): string {
  return token.trim().replace(/ /g, "+");
}

function compareToken(expected: string, received: string): V1AuthResult {
  if (timingSafeEqualString(expected, normaliseToken(received))) return { ok: true };
  return { ok: false, reason: "mismatch", resultCode: "000001", message: "authToken does not match" };
}

/**
 * Verifies a V1 GET request whose parameters are already decoded. V1 has no
 * documented timestamp window, so none is applied here.
 */
export function verifyV1AuthToken(params: V1Params, key: string): V1AuthResult {
  if (key === "") throw new TypeError("verifyV1AuthToken needs a non-empty key");
  const token = params[V1_AUTH_TOKEN_PARAM];
  if (token === undefined || token.trim() === "") {
    return { ok: false, reason: "missing-token", resultCode: "000001", message: "authToken is missing" };
  }
  const timeStamp = params[V1_TIMESTAMP_PARAM];
  if (timeStamp === undefined || timeStamp === "") {
    return { ok: false, reason: "missing-timestamp", resultCode: "000002", message: "timeStamp is missing" };
  }
  return compareToken(tokenFor(buildV1StringToSign(params), key, timeStamp), token);
}

export type V1QueryParseResult =
  | {
      ok: true;
      /** Values decoded as a form: a raw "+" is a space, "%2B" is a plus. */
      params: Record<string, string>;
      /**
       * The same values with a raw "+" kept as a plus, or null when no value
       * other than authToken contains a raw "+". See verifyV1Query.
       */
      plusAsLiteralParams: Record<string, string> | null;
    }
  | { ok: false; message: string };

function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Splits and decodes a raw query string (with or without the leading "?").
 * authToken is only percent-decoded, so a raw "+" in it survives. Repeated
 * parameter names are refused: the signed value and the value the business
 * code reads could otherwise differ.
 */
export function parseV1Query(rawQuery: string): V1QueryParseResult {
  const query = rawQuery.startsWith("?") ? rawQuery.slice(1) : rawQuery;
  const formEntries: [string, string][] = [];
  const literalEntries: [string, string][] = [];
  const seen = new Set<string>();
  let hasRawPlus = false;
  for (const segment of query.split("&")) {
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const rawName = eq === -1 ? segment : segment.slice(0, eq);
    const rawValue = eq === -1 ? "" : segment.slice(eq + 1);
    const name = percentDecode(rawName.replace(/\+/g, " "));
    if (name === null) return { ok: false, message: `query parameter name ${JSON.stringify(rawName)} is not valid percent-encoding` };
    if (seen.has(name)) return { ok: false, message: `query parameter "${name}" appears more than once` };
    seen.add(name);
    const literal = percentDecode(rawValue);
    const form = name === V1_AUTH_TOKEN_PARAM ? literal : percentDecode(rawValue.replace(/\+/g, " "));
    if (literal === null || form === null) {
      return { ok: false, message: `query parameter "${name}" is not valid percent-encoding` };
    }
    if (name !== V1_AUTH_TOKEN_PARAM && rawValue.includes("+")) hasRawPlus = true;
    formEntries.push([name, form]);
    literalEntries.push([name, literal]);
  }
  return {
    ok: true,
    params: Object.fromEntries(formEntries),
    plusAsLiteralParams: hasRawPlus ? Object.fromEntries(literalEntries) : null,
  };
}

export type V1QueryVerifyResult =
  | { ok: true; params: Record<string, string> }
  | {
      ok: false;
      reason: V1AuthFailureReason | "malformed-query";
      resultCode: "000001" | "000002";
      message: string;
    };

/**
 * Parses and verifies a raw V1 query string; on success returns the values
 * under the reading the token was computed over.
 *
 * A raw "+" in a value other than authToken is ambiguous: a form encoder
 * (Java's URLEncoder) writes a space as "+", but the docs also print URLs
 * unencoded, where "+" is a plus. Both readings are tried, form first. This
 * does not widen what an attacker can do: the token binds the decoded string
 * under one reading, and the params handed back are exactly that string.
 */
export function verifyV1Query(rawQuery: string, key: string): V1QueryVerifyResult {
  const parsed = parseV1Query(rawQuery);
  if (!parsed.ok) return { ok: false, reason: "malformed-query", resultCode: "000002", message: parsed.message };
  const first = verifyV1AuthToken(parsed.params, key);
  if (first.ok) return { ok: true, params: parsed.params };
  if (first.reason === "mismatch" && parsed.plusAsLiteralParams !== null) {
    if (verifyV1AuthToken(parsed.plusAsLiteralParams, key).ok) return { ok: true, params: parsed.plusAsLiteralParams };
  }
  return first;
}

/*
 * V1 kit POSTs (tenantSync, applicationSync, authSync, singleOrgSync,
 * allOrgSync): the sample flattens the body bean with BeanUtils.describe,
 * drops "class" and skips blank values. Numbers and booleans become their
 * Java String.valueOf text. How BeanUtils flattens a list (authSync's
 * userList) is not documented; nested values are written as compact JSON
 * here. If that guess is wrong the request fails closed (000001).
 */
function kitFieldValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.trim() === "" ? null : text;
}

export function buildV1KitStringToSign(body: Readonly<Record<string, unknown>>): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "class" || name === V1_AUTH_TOKEN_PARAM) continue;
    const text = kitFieldValue(value);
    if (text !== null) params[name] = text;
  }
  return buildV1StringToSign(params);
}

export function computeV1KitAuthToken(body: Readonly<Record<string, unknown>>, key: string): string {
  const timeStamp = kitFieldValue(body[V1_TIMESTAMP_PARAM]);
  if (timeStamp === null) throw new TypeError("computeV1KitAuthToken needs a timeStamp field in the body");
  return tokenFor(buildV1KitStringToSign(body), key, timeStamp);
}

export function verifyV1KitAuthToken(
  body: Readonly<Record<string, unknown>>,
  authTokenHeader: string | null | undefined,
  key: string,
): V1AuthResult {
  if (key === "") throw new TypeError("verifyV1KitAuthToken needs a non-empty key");
  if (authTokenHeader === null || authTokenHeader === undefined || authTokenHeader.trim() === "") {
    return { ok: false, reason: "missing-token", resultCode: "000001", message: "authToken header is missing" };
  }
  const timeStamp = kitFieldValue(body[V1_TIMESTAMP_PARAM]);
  if (timeStamp === null) {
    return { ok: false, reason: "missing-timestamp", resultCode: "000002", message: "timeStamp is missing from the body" };
  }
  return compareToken(tokenFor(buildV1KitStringToSign(body), key, timeStamp), authTokenHeader);
}
