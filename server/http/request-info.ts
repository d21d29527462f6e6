// Behind a reverse proxy the client address arrives in X-Forwarded-For; the first entry is the
// client as the proxy saw it. Only used for the audit log and throttling context, never for auth.
export const clientIp = (headers: Headers): string | null => {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
};

export const isSecureRequest = (url: string, headers: Headers): boolean =>
  headers.get("x-forwarded-proto") === "https" || url.startsWith("https:");
