/*
 * The V2 signatures are computed over JSON that Huawei's Java sample
 * re-serialises with Jackson's default ObjectMapper, not over the bytes on
 * the wire. Reproducing that needs two things JSON.parse/JSON.stringify
 * cannot give: the received key order of nested objects (JS objects move
 * integer-like keys first) and the source text of numbers (JSON.parse turns
 * 1.50 into 1.5 and rounds integers above 2^53). So this file has a small
 * order-preserving parser and a writer that escapes the way Jackson does.
 */

export type JsonValue =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "number"; readonly raw: string }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "array"; readonly items: readonly JsonValue[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, JsonValue])[] };

export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; message: string };

const MAX_DEPTH = 64;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {}

/**
 * Strict RFC 8259 parser. Duplicate keys are rejected because Jackson keeps
 * the last value while other readers keep the first: a body whose signed
 * value differs from the value the business code reads must not get through.
 */
export function parseJsonPreservingOrder(text: string): JsonParseResult {
  let pos = 0;

  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${pos}`);
  };

  const skipWhitespace = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos += 1;
      else break;
    }
  };

  const parseString = (): string => {
    // Caller has checked the opening quote.
    pos += 1;
    let out = "";
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, pos);
        pos += 1;
        return out;
      }
      if (c < 0x20) fail("unescaped control character in string");
      if (c !== 0x5c) {
        pos += 1;
        continue;
      }
      out += text.slice(chunkStart, pos);
      const esc = text[pos + 1];
      switch (esc) {
        case '"':
          out += '"';
          break;
        case "\\":
          out += "\\";
          break;
        case "/":
          out += "/";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          fail("invalid escape sequence");
      }
      pos += 2;
      chunkStart = pos;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const c = text[pos];
    if (c === "{") {
      pos += 1;
      const entries: (readonly [string, JsonValue])[] = [];
      const seen = new Set<string>();
      skipWhitespace();
      if (text[pos] === "}") {
        pos += 1;
        return { kind: "object", entries };
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail("expected a property name");
        const key = parseString();
        if (seen.has(key)) fail(`duplicate property ${JSON.stringify(key)}`);
        seen.add(key);
        skipWhitespace();
        if (text[pos] !== ":") fail("expected ':'");
        pos += 1;
        entries.push([key, parseValue(depth + 1)]);
        skipWhitespace();
        if (text[pos] === ",") {
          pos += 1;
          continue;
        }
        if (text[pos] === "}") {
          pos += 1;
          return { kind: "object", entries };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      pos += 1;
      const items: JsonValue[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos += 1;
        return { kind: "array", items };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ",") {
          pos += 1;
          continue;
        }
        if (text[pos] === "]") {
          pos += 1;
          return { kind: "array", items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return { kind: "string", value: parseString() };
    if (text.startsWith("true", pos)) {
      pos += 4;
      return { kind: "boolean", value: true };
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return { kind: "boolean", value: false };
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return { kind: "null" };
    }
    NUMBER_PATTERN.lastIndex = pos;
    const match = NUMBER_PATTERN.exec(text);
    if (match) {
      pos += match[0].length;
      return { kind: "number", raw: match[0] };
    }
    return fail(pos >= text.length ? "unexpected end of input" : "unexpected character");
  };

  try {
    const value = parseValue(0);
    skipWhitespace();
    if (pos !== text.length) fail("unexpected trailing characters");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: `invalid JSON: ${error.message}` };
    throw error;
  }
}

const HEX_UPPER = "0123456789ABCDEF";

/**
 * Jackson's default escaping: `"` and `\`, the five short escapes, every
 * other control character as \u00XX with UPPER-case hex (JSON.stringify uses
 * lower case, which would change the HMAC), and nothing else: "/" and
 * non-ASCII stay literal.
 */
export function writeJacksonString(value: string): string {
  let out = '"';
  let chunkStart = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += value.slice(chunkStart, i);
    chunkStart = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0d:
        out += "\\r";
        break;
      default:
        out += `\\u00${HEX_UPPER[c >> 4]}${HEX_UPPER[c & 0xf]}`;
    }
  }
  return `${out}${value.slice(chunkStart)}"`;
}

/**
 * Java's Double.toString layout: plain notation with at least one fraction
 * digit for 1e-3 <= |x| < 1e7, otherwise d.dddE±n. The digits are the
 * shortest round-trip digits, which is what Java 19+ prints; Java 17's older
 * algorithm prints other digits for a few values (1.0E23 comes out as
 * 9.999999999999999E22, Double.MIN_VALUE as 4.9E-324). A payload hitting
 * such a value fails verification (fail-closed) rather than passing wrongly.
 */
export function formatJavaDouble(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot format ${x} as a Java double`);
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(x);
    return plain.includes(".") ? plain : `${plain}.0`;
  }
  const [mantissa = "", exponent = ""] = x.toExponential().split("e");
  const javaMantissa = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${javaMantissa}E${exponent.replace("+", "")}`;
}

/**
 * How Jackson re-prints a number it read into a Map<String, Object>:
 * integers as Integer/Long/BigInteger (so "-0" becomes "0"), anything with a
 * fraction or exponent as a Double.
 */
export function writeJacksonNumber(raw: string): string {
  if (/^-?\d+$/.test(raw)) return BigInt(raw).toString();
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`number ${raw} is out of the range of a Java double`);
  return formatJavaDouble(value);
}

export function writeJacksonJson(value: JsonValue): string {
  switch (value.kind) {
    case "null":
      return "null";
    case "boolean":
      return value.value ? "true" : "false";
    case "number":
      return writeJacksonNumber(value.raw);
    case "string":
      return writeJacksonString(value.value);
    case "array":
      return `[${value.items.map(writeJacksonJson).join(",")}]`;
    case "object":
      return `{${value.entries.map(([k, v]) => `${writeJacksonString(k)}:${writeJacksonJson(v)}`).join(",")}}`;
  }
}

/** Plain JS value for schema validation; objects are created with own properties only. */
export function toPlainJson(value: JsonValue): unknown {
  switch (value.kind) {
    case "null":
      return null;
    case "boolean":
      return value.value;
    case "number":
      return Number(value.raw);
    case "string":
      return value.value;
    case "array":
      return value.items.map(toPlainJson);
    case "object":
      return Object.fromEntries(value.entries.map(([k, v]) => [k, toPlainJson(v)]));
  }
}

/** Java's String.compareTo: UTF-16 code unit order, which is also what TreeMap uses. */
export function compareJavaStrings(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
