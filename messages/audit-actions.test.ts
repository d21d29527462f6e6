import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUYER_INVOICE_ACTIONS } from "@/domain/invoices/buyer/status";
import en from "./en/audit.json";

const ROOT = path.join(import.meta.dirname, "..");

const sourceFiles = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test.") ? [full] : [];
  });

// Actions written with a literal name (`action: "bills.generated"`), found in the use-cases themselves so that a
// new audited action without a label in the audit log fails here.
const literalActions = (): string[] =>
  [...new Set(sourceFiles(path.join(ROOT, "server")).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/action: "([a-z_]+\.[a-z_.]+)"/g)].map((match) => match[1]!),
  ))].sort();

// Actions whose names are composed at run time, expanded from the lists they are composed from.
const composedActions = [
  ...["cancelled", "resolved"].map((status) => `delivery.${status}`),
  ...BUYER_INVOICE_ACTIONS.map((action) => `invoices.buyer_request_${action}`),
];

const labelKey = (action: string) => action.replace(".", "_");

describe("audit log labels", () => {
  it("finds the audited actions in the source", () => {
    expect(literalActions()).toEqual(expect.arrayContaining(["auth.signed_in", "bills.generated", "delivery.rerun"]));
  });

  it("every audited action has a label (both languages share keys, see messages.test.ts)", () => {
    const missing = [...literalActions(), ...composedActions].filter((action) => !(labelKey(action) in en.actions));
    expect(missing).toEqual([]);
  });
});
