import { signApigRequest } from "@/lib/marketplace/koogallery/apig-signer";
import { buildOrderQueryUrl, parseOrderQueryAnswer, type MarketplaceOrder } from "@/lib/marketplace/koogallery/order-query";
import type { Deps } from "@/server/deps";
import { readSettingValue } from "@/server/settings/settings-repository";

export type MarketplaceApiConfig = { accessKey: string; secretKey: string; baseUrl: string };

export const ORDER_QUERY_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1024 * 1024;

// Null when AK/SK are not bound yet: fetches then wait and retry rather than fail for good.
export const loadMarketplaceApiConfig = async (deps: Pick<Deps, "db" | "secretBox">): Promise<MarketplaceApiConfig | null> => {
  const [accessKey, secretKey, baseUrl] = await Promise.all([
    readSettingValue("marketplace.ak", deps),
    readSettingValue("marketplace.sk", deps),
    readSettingValue("marketplace.apiBaseUrl", deps),
  ]);
  if (!accessKey || !secretKey || !baseUrl) return null;
  return { accessKey, secretKey, baseUrl };
};

export type FetchOrderOutcome =
  | { ok: true; order: MarketplaceOrder; raw: unknown; resultCode: string | null }
  | { ok: false; resultCode: string | null; error: string; raw?: unknown };

/**
 * One signed GET of the order-query API. TLS is Node's default fetch, which verifies the
 * server certificate (§7: certificate checks are never skipped); nothing here turns that off.
 * Never throws: every failure comes back as a reason the queue can record and retry.
 */
export const fetchMarketplaceOrder = async (
  request: { orderId: string; orderLineId?: string | null },
  config: MarketplaceApiConfig | null,
  options: { now: Date; timeoutMs?: number; fetchImpl?: typeof fetch },
): Promise<FetchOrderOutcome> => {
  if (!config) return { ok: false, resultCode: null, error: "The marketplace AK/SK are not set (Settings → marketplace)." };
  let url: string;
  try {
    url = buildOrderQueryUrl(config.baseUrl, request.orderId, request.orderLineId ?? undefined);
  } catch {
    return { ok: false, resultCode: null, error: `The open API base URL ${JSON.stringify(config.baseUrl)} is not a URL.` };
  }
  const signed = signApigRequest(
    { method: "GET", url, headers: { "Content-Type": "application/json;charset=UTF-8" } },
    { accessKey: config.accessKey, secretKey: config.secretKey },
    options.now,
  );
  let response: Response;
  try {
    // Host is set by fetch itself from the URL (it is a forbidden header); it was signed with the same value.
    const { Host: _host, ...headers } = signed.headers;
    response = await (options.fetchImpl ?? fetch)(url, {
      method: "GET",
      headers,
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? ORDER_QUERY_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${options.timeoutMs ?? ORDER_QUERY_TIMEOUT_MS} ms` : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { ok: false, resultCode: null, error: `The order query could not reach ${new URL(url).host}: ${reason}` };
  }
  const text = await response.text().catch(() => "");
  if (Buffer.byteLength(text) > MAX_ANSWER_BYTES) return { ok: false, resultCode: null, error: `The answer is larger than ${MAX_ANSWER_BYTES} bytes.` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, resultCode: null, error: `HTTP ${response.status}: the answer is not JSON (${text.slice(0, 120)})` };
  }
  const parsed = parseOrderQueryAnswer(raw);
  if (!parsed.ok) return { ok: false, resultCode: parsed.resultCode, error: `HTTP ${response.status}: ${parsed.message}`, raw };
  if (parsed.order.orderId !== request.orderId) {
    return { ok: false, resultCode: null, error: `asked for order ${request.orderId}, the answer is about ${parsed.order.orderId}`, raw };
  }
  return { ok: true, order: parsed.order, raw, resultCode: (raw as { resultCode?: string }).resultCode ?? null };
};
