import { Webhook } from "standardwebhooks";

export type WebhookOutcome =
  | { ok: true; statusCode: number; body: string; latencyMs: number }
  | { ok: false; statusCode: number | null; error: string; body: string | null; latencyMs: number };

const EXCERPT = 2048;

// Standard Webhooks: the id is the delivery's own, stable across retries, so the SaaS can dedupe;
// the signature covers "<id>.<timestamp>.<body>".
export const sendWebhook = async (input: {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  timeoutMs: number;
  now: Date;
}): Promise<WebhookOutcome> => {
  const signature = new Webhook(input.secret).sign(input.messageId, input.now, input.body);
  const started = performance.now();
  try {
    const response = await fetch(input.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "KooGallery-Seller-Console",
        "webhook-id": input.messageId,
        "webhook-timestamp": String(Math.floor(input.now.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: input.body,
      redirect: "manual",
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    const text = (await response.text()).slice(0, EXCERPT);
    const latencyMs = Math.round(performance.now() - started);
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, body: text, latencyMs };
    return { ok: false, statusCode: response.status, error: `the endpoint answered HTTP ${response.status}`, body: text, latencyMs };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      ok: false,
      statusCode: null,
      error: timedOut ? `no answer within ${input.timeoutMs} ms` : `could not reach the endpoint${cause || (error instanceof Error ? `: ${error.message}` : "")}`,
      body: null,
      latencyMs,
    };
  }
};
