/*
 * saasExtendParams (V1 newInstance/upgrade, String ≤ 2048): Base64 of a JSON
 * array [{name, value}], URL-encoded on the wire. Up to 3 parameters are
 * defined by the seller at publish time.
 */

export interface SaasExtendParam {
  name: string;
  value: string;
}

export type SaasExtendParamsResult = { ok: true; params: SaasExtendParam[] } | { ok: false; message: string };

export const MAX_SAAS_EXTEND_PARAMS_LENGTH = 2048;

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Takes the value as the query parser returns it (percent-decoded once).
 * The docs say "URL-decode, then Base64-decode"; if a "%" is still present
 * the value was encoded twice and is decoded again (Base64 never contains
 * "%"). Spaces are "+" lost to form decoding. The URL-safe alphabet and
 * missing padding are tolerated, since neither can change the decoded bytes
 * into something a sender did not write.
 */
export function decodeSaasExtendParams(value: string): SaasExtendParamsResult {
  let text = value.trim();
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, message: "saasExtendParams contains an invalid percent-escape" };
    }
  }
  text = text.replace(/ /g, "+").replace(/-/g, "+").replace(/_/g, "/");
  if (text === "" || !BASE64_PATTERN.test(text)) return { ok: false, message: "saasExtendParams is not valid Base64" };
  let json: string;
  try {
    json = strictUtf8.decode(Buffer.from(text, "base64"));
  } catch {
    return { ok: false, message: "saasExtendParams does not decode to UTF-8 text" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, message: "saasExtendParams does not decode to JSON" };
  }
  if (!Array.isArray(parsed)) return { ok: false, message: "saasExtendParams must decode to a JSON array of {name, value}" };
  const params: SaasExtendParam[] = [];
  const seen = new Set<string>();
  for (const [index, item] of parsed.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return { ok: false, message: `saasExtendParams[${index}] must be an object with name and value` };
    }
    const { name, value: raw } = item as Record<string, unknown>;
    if (typeof name !== "string" || name === "") {
      return { ok: false, message: `saasExtendParams[${index}].name must be a non-empty string` };
    }
    if (seen.has(name)) return { ok: false, message: `saasExtendParams has the name ${JSON.stringify(name)} twice` };
    seen.add(name);
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      return { ok: false, message: `saasExtendParams[${index}].value must be a string` };
    }
    params.push({ name, value: String(raw) });
  }
  return { ok: true, params };
}

/** For the simulator: the value before URL-encoding. */
export function encodeSaasExtendParams(params: readonly SaasExtendParam[]): string {
  return Buffer.from(JSON.stringify(params.map(({ name, value }) => ({ name, value }))), "utf8").toString("base64");
}

export function saasExtendParamsToRecord(params: readonly SaasExtendParam[]): Record<string, string> {
  return Object.fromEntries(params.map(({ name, value }) => [name, value]));
}
