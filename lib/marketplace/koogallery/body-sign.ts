import { createHmac } from "node:crypto";
import { timingSafeEqualString } from "./timing-safe";

/** Exact spelling: the FAQ says "Body-sign" is not recognised. */
export const BODY_SIGN_HEADER = "Body-Sign";
export const BODY_SIGN_TYPE = "HMAC-SHA256";
/** The marketplace's own wording for any malformed Body-Sign header. */
export const BODY_SIGN_MALFORMED_MESSAGE = "sign_type is not equals HMAC-SHA256 or signature is empty";

/**
 * Base64(HMAC-SHA256(key, body)). The key is the plain V1 key, without the
 * timeStamp used for authToken. Pass the exact bytes that will be written:
 * a re-serialised body or a trailing newline breaks the signature.
 */
export function computeBodySign(body: string | Uint8Array, key: string): string {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return createHmac("sha256", Buffer.from(key, "utf8")).update(bytes).digest("base64");
}

/** `sign_type="HMAC-SHA256", signature="<sig>"`; the quotes are mandatory. */
export function formatBodySignHeader(signature: string): string {
  return `sign_type="${BODY_SIGN_TYPE}", signature="${signature}"`;
}

export type BodySignHeaderParseResult =
  | { ok: true; signature: string }
  | { ok: false; message: typeof BODY_SIGN_MALFORMED_MESSAGE; detail: string };

const HEADER_PATTERN = /^\s*sign_type\s*=\s*"([^"]*)"\s*,\s*signature\s*=\s*"([^"]*)"\s*$/;

/**
 * Parses the header as the simulator's stand-in for the marketplace. It is
 * as strict as the marketplace about the quotes so that a response our
 * console would accept is one the marketplace accepts too.
 */
export function parseBodySignHeader(value: string | null | undefined): BodySignHeaderParseResult {
  const fail = (detail: string): BodySignHeaderParseResult => ({ ok: false, message: BODY_SIGN_MALFORMED_MESSAGE, detail });
  if (value === null || value === undefined || value.trim() === "") return fail("the Body-Sign header is missing");
  const match = HEADER_PATTERN.exec(value);
  if (!match) return fail('expected exactly: sign_type="HMAC-SHA256", signature="<base64>" (with the double quotes)');
  const [, signType = "", signature = ""] = match;
  if (signType !== BODY_SIGN_TYPE) return fail(`sign_type is ${JSON.stringify(signType)}, expected "${BODY_SIGN_TYPE}"`);
  if (signature === "") return fail("signature is empty");
  return { ok: true, signature };
}

export type BodySignVerifyResult =
  | { ok: true }
  | { ok: false; reason: "malformed-header"; message: string; detail: string }
  | { ok: false; reason: "mismatch"; message: string; expected: string };

export function verifyBodySign(input: {
  body: string | Uint8Array;
  header: string | null | undefined;
  key: string;
}): BodySignVerifyResult {
  const parsed = parseBodySignHeader(input.header);
  if (!parsed.ok) return { ok: false, reason: "malformed-header", message: parsed.message, detail: parsed.detail };
  const expected = computeBodySign(input.body, input.key);
  if (timingSafeEqualString(expected, parsed.signature)) return { ok: true };
  // Same wording as the marketplace's FAQ error; exposing the expected value
  // is fine here because this runs in the simulator against our own key.
  return { ok: false, reason: "mismatch", message: `响应Http Body签名校验失败,预期的签名值:${expected}`, expected };
}
