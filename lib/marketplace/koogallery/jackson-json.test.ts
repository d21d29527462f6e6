import { describe, expect, it } from "vitest";
import {
  compareJavaStrings,
  formatJavaDouble,
  parseJsonPreservingOrder,
  toPlainJson,
  writeJacksonJson,
  writeJacksonNumber,
  writeJacksonString,
} from "./jackson-json";

function roundTrip(text: string): string {
  const parsed = parseJsonPreservingOrder(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return writeJacksonJson(parsed.value);
}

describe("writeJacksonString", () => {
  it.each([
    ["plain", '"plain"'],
    ["a/b", '"a/b"'],
    ['quote " and \\ backslash', '"quote \\" and \\\\ backslash"'],
    ["\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'],
    // Jackson writes the generic escape with upper-case hex; JSON.stringify would give \u001f.
    ["\u0000\u001f\u000b", '"\\u0000\\u001F\\u000B"'],
    ["中文 ünï", '"中文 ünï"'],
    ["\u007f\u2028", '"\u007f\u2028"'],
  ])("%j -> %s", (input, expected) => {
    expect(writeJacksonString(input)).toBe(expected);
  });

  it("differs from JSON.stringify only in the hex case of control escapes", () => {
    expect(JSON.stringify("\u001f")).toBe('"\\u001f"');
    expect(writeJacksonString("\u001f")).not.toBe(JSON.stringify("\u001f"));
  });
});

describe("formatJavaDouble", () => {
  // Expected strings printed by Java 17's Double.toString (see README, "vectors").
  // Java 17 also printed 1.0E23 as 9.999999999999999E22 and Double.MIN_VALUE as
  // 4.9E-324, where this (shortest-digits) formatter gives 1.0E23 and 5.0E-324;
  // those values make a signature fail closed and are left out of this table.
  it.each([
    [1.0, "1.0"],
    [0.1, "0.1"],
    [100.0, "100.0"],
    [1e7, "1.0E7"],
    [9999999.0, "9999999.0"],
    [1.5e-5, "1.5E-5"],
    [0.001, "0.001"],
    [1e-3 * 0.999, "9.99E-4"],
    [1e21, "1.0E21"],
    [123456789.125, "1.23456789125E8"],
    [-0.0, "-0.0"],
    [2e-3, "0.002"],
    [1.7976931348623157e308, "1.7976931348623157E308"],
    [0.3, "0.3"],
    [0, "0.0"],
    [-12.5, "-12.5"],
  ])("%d -> %s", (input, expected) => {
    expect(formatJavaDouble(input)).toBe(expected);
  });

  it("rejects non-finite values", () => {
    expect(() => formatJavaDouble(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("writeJacksonNumber", () => {
  it.each([
    ["1", "1"],
    ["-0", "0"],
    ["12345678901234567890123", "12345678901234567890123"],
    ["1.50", "1.5"],
    ["1e2", "100.0"],
    ["1E-7", "1.0E-7"],
    ["-0.0", "-0.0"],
  ])("%s -> %s", (raw, expected) => {
    expect(writeJacksonNumber(raw)).toBe(expected);
  });

  it("rejects numbers beyond double range", () => {
    expect(() => writeJacksonNumber("1e400")).toThrow(RangeError);
  });
});

describe("parseJsonPreservingOrder + writeJacksonJson", () => {
  it.each([
    ['{ "b" : 1 , "a" : [ true , false , null ] }', '{"b":1,"a":[true,false,null]}'],
    // JS objects would move "10" before "b"; the received order must survive.
    ['{"b":1,"10":2,"a":{"z":1,"2":0}}', '{"b":1,"10":2,"a":{"z":1,"2":0}}'],
    ['{"s":"\\u00e9\\/x\\u001f"}', '{"s":"é/x\\u001F"}'],
    ['{"n":12345678901234567890}', '{"n":12345678901234567890}'],
    ["[]", "[]"],
    ['"x"', '"x"'],
    ["\n\t {}\r\n", "{}"],
  ])("%s -> %s", (input, expected) => {
    expect(roundTrip(input)).toBe(expected);
  });

  it.each([
    ['{"a":1,"a":2}', "duplicate property"],
    ['{"a":1}x', "trailing"],
    ['{"a":"x\ny"}', "control character"],
    ['{"a":01}', "expected ',' or '}'"],
    ['{"a":1,}', "expected a property name"],
    ["", "unexpected end"],
    ['{"a":"\\x"}', "invalid escape"],
    ['{"a":"\\u12"}', "invalid \\u escape"],
    ['{"a":"abc', "unterminated string"],
    ["[1 2]", "expected ',' or ']'"],
    ["nul", "unexpected character"],
    ["[".repeat(70) + "]".repeat(70), "nesting deeper"],
  ])("rejects %j (%s)", (input, fragment) => {
    const parsed = parseJsonPreservingOrder(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
  });
});

describe("toPlainJson", () => {
  it("builds plain values, keeping __proto__ as an own property", () => {
    const parsed = parseJsonPreservingOrder('{"__proto__":{"x":1},"n":1.5,"l":[null,true]}');
    if (!parsed.ok) throw new Error(parsed.message);
    const plain = toPlainJson(parsed.value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.hasOwn(plain, "__proto__")).toBe(true);
    expect(plain.n).toBe(1.5);
    expect(plain.l).toEqual([null, true]);
  });
});

describe("compareJavaStrings", () => {
  it("sorts by UTF-16 code units like Java's TreeMap", () => {
    const keys = ["b", "B", "a", "_x", "10", "9", "é", "\u{1F600}", "\uFF21"];
    expect([...keys].sort(compareJavaStrings)).toEqual(["10", "9", "B", "_x", "a", "b", "é", "\u{1F600}", "\uFF21"]);
  });
});
