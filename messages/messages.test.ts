import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, NAMESPACES } from "@/i18n/load-messages";

const keysOf = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object"
    ? Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);

describe("translations", () => {
  it("every namespace file is loaded, in both languages", () => {
    for (const locale of ["zh-CN", "en"]) {
      const files = readdirSync(path.join(import.meta.dirname, locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files).toEqual([...NAMESPACES].sort());
    }
  });

  it("zh-CN and en have exactly the same keys", async () => {
    expect(keysOf(await loadMessages("zh-CN")).sort()).toEqual(keysOf(await loadMessages("en")).sort());
  });

  it("no translation is empty, and Chinese strings are not left in English", async () => {
    const zh = await loadMessages("zh-CN");
    const en = await loadMessages("en");
    const keys = keysOf(zh);
    expect(keys.filter((key) => !(lookup(zh, key) as string).trim())).toEqual([]);
    const sameAsEnglish = keys.filter((key) => {
      const z = lookup(zh, key) as string;
      const e = lookup(en, key) as string;
      return z === e && /[a-z]{4,}/i.test(e) && !/^https?:|^[A-Z]{2,}/.test(e);
    });
    expect(sameAsEnglish).toEqual([]);
  });
});
