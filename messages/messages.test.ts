import { describe, expect, it } from "vitest";
import en from "./en.json";
import zh from "./zh-CN.json";

const keysOf = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object"
    ? Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

describe("translations", () => {
  it("zh-CN and en have exactly the same keys", () => {
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });

  it("no translation is empty, and Chinese strings are not left in English", () => {
    const zhEntries = keysOf(zh);
    const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
    const sameAsEnglish = zhEntries.filter((key) => {
      const z = lookup(zh, key) as string;
      const e = lookup(en, key) as string;
      return z === e && /[a-z]{4,}/i.test(e) && !/^https?:|^[A-Z]{2,}/.test(e);
    });
    expect(zhEntries.filter((key) => !(lookup(zh, key) as string).trim())).toEqual([]);
    expect(sameAsEnglish).toEqual([]);
  });
});
