import { createHash, createHmac } from "node:crypto";
import { formatSdkDate, parseSdkDate } from "./time-formats";
import { timingSafeEqualHex } from "./timing-safe";

/*
 * Huawei API Gateway "SDK-HMAC-SHA256" AK/SK signing, used for the open APIs
 * (order query, license activate/heartbeat). Modelled on the official
 * JavaScript signer: every header given is signed, Host and X-Sdk-Date are
 * added when missing, path segments and query parts are re-encoded with the
 * RFC 3986 unreserved set, and the canonical URI always ends with "/".
 */

export const APIG_ALGORITHM = "SDK-HMAC-SHA256";
export const APIG_DATE_HEADER = "X-Sdk-Date";
export const APIG_CONTENT_SHA256_HEADER = "x-sdk-content-sha256";
/** The gateway refuses requests whose X-Sdk-Date is more than 15 minutes off. */
export const APIG_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface ApigCredentials {
  accessKey: string;
  secretKey: string;
}

export interface ApigRequest {
  method: string;
  /** Absolute URL, e.g. https://mkt.myhuaweicloud.com/api/...?orderId=... */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

/** Percent-encodes UTF-8 bytes of everything except A-Z a-z 0-9 - _ . ~ (upper-case hex). */
export function apigUrlEncode(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const isUnreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x5f ||
      byte === 0x2e ||
      byte === 0x7e;
    out += isUnreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new TypeError(`${what} ${JSON.stringify(text)} is not valid percent-encoding`);
  }
}

function splitUrl(url: string): { host: string; path: string; rawQuery: string } {
  const parsed = new URL(url);
  return { host: parsed.host, path: parsed.pathname || "/", rawQuery: parsed.search.replace(/^\?/, "") };
}

export function buildApigCanonicalUri(path: string): string {
  const encoded = path
    .split("/")
    .map((segment) => apigUrlEncode(decodeComponent(segment, "path segment")))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/**
 * Names ascending, repeated names with their values ascending, each side
 * re-encoded. A "+" is taken literally, as the official signer does.
 */
export function buildApigCanonicalQuery(rawQuery: string): string {
  const groups = new Map<string, string[]>();
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq), "query name");
    const value = decodeComponent(eq === -1 ? "" : part.slice(eq + 1), "query value");
    groups.set(name, [...(groups.get(name) ?? []), value]);
  }
  return [...groups.keys()]
    .sort()
    .flatMap((name) => [...(groups.get(name) ?? [])].sort().map((value) => `${apigUrlEncode(name)}=${apigUrlEncode(value)}`))
    .join("&");
}

function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const lowered = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (lowered.has(key)) throw new TypeError(`header ${name} is given twice with different case`);
    lowered.set(key, value);
  }
  return lowered;
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(typeof data === "string" ? Buffer.from(data, "utf8") : data).digest("hex");
}

export interface CanonicalRequestParts {
  method: string;
  path: string;
  rawQuery: string;
  /** Lower-case names. */
  headers: ReadonlyMap<string, string>;
  signedHeaders: readonly string[];
  body: string | Uint8Array;
}

export function buildApigCanonicalRequest(parts: CanonicalRequestParts): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => {
      const value = parts.headers.get(name);
      if (value === undefined) throw new TypeError(`signed header ${name} is not in the request`);
      return `${name}:${value.trim()}\n`;
    })
    .join("");
  const bodyHash = parts.headers.get(APIG_CONTENT_SHA256_HEADER) ?? sha256Hex(parts.body);
  return [
    parts.method.toUpperCase(),
    buildApigCanonicalUri(parts.path),
    buildApigCanonicalQuery(parts.rawQuery),
    canonicalHeaders,
    parts.signedHeaders.join(";"),
    bodyHash,
  ].join("\n");
}

export function buildApigStringToSign(canonicalRequest: string, sdkDate: string): string {
  return `${APIG_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

export function computeApigSignature(stringToSign: string, secretKey: string): string {
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(Buffer.from(stringToSign, "utf8")).digest("hex");
}

export function formatApigAuthorization(accessKey: string, signedHeaders: readonly string[], signature: string): string {
  return `${APIG_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}

export interface SignedApigRequest {
  /** The caller's headers plus Host, X-Sdk-Date and Authorization. */
  headers: Record<string, string>;
  signedHeaders: string[];
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

function findHeaderName(headers: Readonly<Record<string, string>>, wanted: string): string | undefined {
  return Object.keys(headers).find((name) => name.toLowerCase() === wanted.toLowerCase());
}

/**
 * `now` supplies X-Sdk-Date unless the request already carries one (the
 * published vectors fix the date that way).
 */
export function signApigRequest(request: ApigRequest, credentials: ApigCredentials, now?: Date): SignedApigRequest {
  const { host, path, rawQuery } = splitUrl(request.url);
  const headers: Record<string, string> = { ...request.headers };
  const dateName = findHeaderName(headers, APIG_DATE_HEADER);
  if (dateName === undefined) {
    if (now === undefined) throw new TypeError("signApigRequest needs `now` when the request has no X-Sdk-Date header");
    headers[APIG_DATE_HEADER] = formatSdkDate(now);
  }
  if (findHeaderName(headers, "host") === undefined) headers.Host = host;
  const sdkDate = (headers[findHeaderName(headers, APIG_DATE_HEADER) ?? APIG_DATE_HEADER] ?? "").trim();
  const lowered = lowerCaseHeaders(headers);
  const signedHeaders = [...lowered.keys()].sort();
  const method = request.method.toUpperCase();
  // Like the official signer: only PUT, PATCH and POST bodies are hashed.
  const body = method === "PUT" || method === "PATCH" || method === "POST" ? (request.body ?? "") : "";
  const canonicalRequest = buildApigCanonicalRequest({ method, path, rawQuery, headers: lowered, signedHeaders, body });
  const stringToSign = buildApigStringToSign(canonicalRequest, sdkDate);
  const signature = computeApigSignature(stringToSign, credentials.secretKey);
  headers.Authorization = formatApigAuthorization(credentials.accessKey, signedHeaders, signature);
  return { headers, signedHeaders, canonicalRequest, stringToSign, signature };
}

export type ApigAuthorizationParseResult =
  | { ok: true; accessKey: string; signedHeaders: string[]; signature: string }
  | { ok: false; message: string };

const AUTHORIZATION_PATTERN =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;

export function parseApigAuthorization(value: string | null | undefined): ApigAuthorizationParseResult {
  if (value === null || value === undefined || value.trim() === "") return { ok: false, message: "Authorization header is missing" };
  const match = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!match) {
    return {
      ok: false,
      message: "Authorization must look like: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>",
    };
  }
  const [, accessKey = "", signedHeaders = "", signature = ""] = match;
  return { ok: true, accessKey, signedHeaders: signedHeaders.split(";"), signature };
}

export type ApigVerifyFailureReason =
  | "malformed-authorization"
  | "unsigned-date"
  | "missing-signed-header"
  | "invalid-date"
  | "expired-date"
  | "unknown-access-key"
  | "malformed-request"
  | "mismatch";

export type ApigVerifyResult =
  | { ok: true; accessKey: string }
  | { ok: false; reason: ApigVerifyFailureReason; message: string };

export interface ApigVerifyInput {
  request: ApigRequest;
  /** Looks up the secret for an access key; undefined when the key is unknown. */
  resolveSecretKey: (accessKey: string) => string | undefined;
  now: Date;
  maxClockSkewMs?: number;
}

/**
 * The simulator's stand-in for the gateway: recomputes the signature over
 * the headers the client says it signed. The body is hashed as received
 * (pass "" for a request without one).
 */
export function verifyApigRequest(input: ApigVerifyInput): ApigVerifyResult {
  const headers = input.request.headers ?? {};
  const authorizationName = findHeaderName(headers, "authorization");
  const auth = parseApigAuthorization(authorizationName === undefined ? undefined : headers[authorizationName]);
  if (!auth.ok) return { ok: false, reason: "malformed-authorization", message: auth.message };
  if (auth.signedHeaders.some((name) => name !== name.toLowerCase())) {
    return { ok: false, reason: "malformed-authorization", message: "SignedHeaders must be lower case" };
  }
  if (!auth.signedHeaders.includes("x-sdk-date")) {
    return { ok: false, reason: "unsigned-date", message: "SignedHeaders must include x-sdk-date" };
  }
  let lowered: Map<string, string>;
  try {
    lowered = lowerCaseHeaders(headers);
  } catch (error) {
    return { ok: false, reason: "malformed-request", message: (error as Error).message };
  }
  const missing = auth.signedHeaders.filter((name) => !lowered.has(name));
  if (missing.length > 0) {
    return { ok: false, reason: "missing-signed-header", message: `signed header(s) not in the request: ${missing.join(", ")}` };
  }
  const sdkDate = (lowered.get("x-sdk-date") ?? "").trim();
  const date = parseSdkDate(sdkDate);
  if (!date.ok) return { ok: false, reason: "invalid-date", message: date.message };
  const skew = Math.abs(input.now.getTime() - date.date.getTime());
  const maxSkew = input.maxClockSkewMs ?? APIG_MAX_CLOCK_SKEW_MS;
  if (skew > maxSkew) {
    return { ok: false, reason: "expired-date", message: `X-Sdk-Date is ${skew} ms away from now, more than ${maxSkew} ms` };
  }
  const secretKey = input.resolveSecretKey(auth.accessKey);
  if (secretKey === undefined || secretKey === "") {
    return { ok: false, reason: "unknown-access-key", message: `access key ${auth.accessKey} is not known` };
  }
  let canonicalRequest: string;
  try {
    const { path, rawQuery } = splitUrl(input.request.url);
    canonicalRequest = buildApigCanonicalRequest({
      method: input.request.method,
      path,
      rawQuery,
      headers: lowered,
      signedHeaders: auth.signedHeaders,
      body: input.request.body ?? "",
    });
  } catch (error) {
    return { ok: false, reason: "malformed-request", message: (error as Error).message };
  }
  const expected = computeApigSignature(buildApigStringToSign(canonicalRequest, sdkDate), secretKey);
  if (!timingSafeEqualHex(expected, auth.signature)) {
    return { ok: false, reason: "mismatch", message: "signature does not match" };
  }
  return { ok: true, accessKey: auth.accessKey };
}
