import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { type AllowList, parseAddress, refuseTargetAddress, refuseTargetUrl } from "@/domain/fulfilment/webhook-target";

export type WebhookOutcome =
  | { ok: true; statusCode: number; body: string; latencyMs: number }
  | { ok: false; statusCode: number | null; error: string; body: string | null; latencyMs: number };

const EXCERPT = 2048;

class TargetRefused extends Error {}
class NoAnswer extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// The address check happens where the socket is opened, on the addresses DNS returned for this
// very connection: a name that resolved to a public address when the URL was saved and to
// 127.0.0.1 now (DNS rebinding) is refused.
const guardedLookup =
  (allowList: AllowList) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : "", undefined);
      for (const { address } of addresses) {
        const refusal = refuseTargetAddress(address, allowList, hostname);
        if (refusal) return callback(new TargetRefused(refusal), options.all ? [] : "", undefined);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", undefined);
      callback(null, first.address, first.family);
    });
  };

// Keep-alive sockets per allow-list: a socket is checked once, when it connects, and reused
// for later deliveries to the same host (the bench's 10,000 deliveries open a handful).
const agents = new WeakMap<AllowList, { http: http.Agent; https: https.Agent }>();
const agentsFor = (allowList: AllowList) => {
  let pair = agents.get(allowList);
  if (!pair) {
    const lookup = guardedLookup(allowList) as unknown as http.AgentOptions["lookup"];
    pair = {
      http: new http.Agent({ keepAlive: true, maxSockets: 64, lookup }),
      https: new https.Agent({ keepAlive: true, maxSockets: 64, lookup }),
    };
    agents.set(allowList, pair);
  }
  return pair;
};

const post = (url: URL, headers: Record<string, string>, body: string, timeoutMs: number, allowList: AllowList) =>
  new Promise<{ statusCode: number; text: string }>((resolve, reject) => {
    const secure = url.protocol === "https:";
    const pair = agentsFor(allowList);
    const request = (secure ? https : http).request(url, {
      method: "POST",
      agent: secure ? pair.https : pair.http,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => request.destroy(new NoAnswer()), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        // The whole answer is read (so the socket can be reused) but only its start is kept.
        if (kept < EXCERPT * 4) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ statusCode: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT) });
      });
    });
    request.end(body);
  });

// Standard Webhooks: the id is the delivery's own, stable across retries, so the SaaS can dedupe;
// the signature covers "<id>.<timestamp>.<body>". Redirects are not followed (a 3xx is a failure):
// following one would let an allowed host send the request on to a refused one.
export const sendWebhook = async (input: {
  url: string;
  secret: string | Webhook;
  messageId: string;
  body: string;
  timeoutMs: number;
  now: Date;
  allowList: AllowList;
}): Promise<WebhookOutcome> => {
  const started = performance.now();
  const refused = (error: string): WebhookOutcome => ({ ok: false, statusCode: null, error, body: null, latencyMs: 0 });
  const urlRefusal = refuseTargetUrl(input.url);
  if (urlRefusal) return refused(urlRefusal);
  const url = new URL(input.url);
  // An address written in the URL is connected to without any DNS lookup: checked here.
  if (parseAddress(url.hostname)) {
    const refusal = refuseTargetAddress(url.hostname.replace(/^\[|\]$/g, ""), input.allowList);
    if (refusal) return refused(refusal);
  }
  const signer = typeof input.secret === "string" ? new Webhook(input.secret) : input.secret;
  const headers = {
    "content-type": "application/json",
    "user-agent": "KooGallery-Seller-Console",
    "webhook-id": input.messageId,
    "webhook-timestamp": String(Math.floor(input.now.getTime() / 1000)),
    "webhook-signature": signer.sign(input.messageId, input.now, input.body),
  };
  try {
    const { statusCode, text } = await post(url, headers, input.body, input.timeoutMs, input.allowList);
    const latencyMs = Math.round(performance.now() - started);
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, body: text, latencyMs };
    return { ok: false, statusCode, error: `the endpoint answered HTTP ${statusCode}`, body: text, latencyMs };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    if (error instanceof TargetRefused) return { ok: false, statusCode: null, error: error.message, body: null, latencyMs };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      statusCode: null,
      error: error instanceof NoAnswer ? `no answer within ${input.timeoutMs} ms` : `could not reach the endpoint: ${message}`,
      body: null,
      latencyMs,
    };
  }
};
