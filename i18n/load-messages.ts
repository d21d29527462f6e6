import type { Locale } from "@/i18n/locales";

// One file per top-level namespace and locale (messages/<locale>/<namespace>.json), so features
// add their strings without editing a shared file; a new namespace adds one line here.
export const NAMESPACES = [
  "account",
  "app",
  "audit",
  "common",
  "dashboard",
  "errors",
  "instanceStatus",
  "nav",
  "operators",
  "password",
  "roles",
  "sections",
  "settings",
  "shell",
  "signIn",
  "validation",
] as const;

export const loadMessages = async (locale: Locale): Promise<Record<string, unknown>> => {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`../messages/${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
};
