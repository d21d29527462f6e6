// The console's own callback address as seen by the request that asked: by default the
// simulator calls the console it runs in, exactly as the marketplace would, over HTTP.
export const consoleOrigin = (headers: Headers, fallbackOrigin: string): string => {
  const host = headers.get("host");
  if (!host) return fallbackOrigin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(fallbackOrigin).protocol.replace(":", "");
  return `${proto}://${host}`;
};

export const defaultTargetUrl = (origin: string) => `${origin}/api/koogallery`;
export const openApiBaseUrl = (origin: string) => `${origin}/api/simulator/koogallery`;
