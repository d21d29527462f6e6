import type { Locale } from "@/i18n/locales";

// One file per top-level namespace and locale (messages/<locale>/<namespace>.json), so features
// add their strings without editing a shared file; a new namespace adds one line here.
export const NAMESPACES = [
  "account",
  "app",
  "audit",
  "bills",
  "buyerInvoices",
  "common",
  "dashboard",
  "errors",
  "fees",
  "huaweiInvoices",
  "instanceStatus",
  "instances",
  "invoiceTemplates",
  "invoices",
  "kit",
  "messages",
  "nav",
  "operators",
  "orders",
  "password",
  "products",
  "roles",
  "sections",
  "settings",
  "shell",
  "signIn",
  "simulator",
  "validation",
] as const;

export const loadMessages = async (locale: Locale): Promise<Record<string, unknown>> => {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`../messages/${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
};
