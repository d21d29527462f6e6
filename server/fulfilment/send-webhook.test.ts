import { afterEach, describe, expect, it } from "vitest";
import { ALL_PRIVATE_TARGETS, NO_PRIVATE_TARGETS, parseAllowList } from "@/domain/fulfilment/webhook-target";
import { generateWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { sendWebhook } from "@/server/fulfilment/send-webhook";
import { startTestSaas } from "@/test/support/test-saas-server";

let saas: Awaited<ReturnType<typeof startTestSaas>> | undefined;
afterEach(async () => saas?.close());

const send = (url: string, allowList = NO_PRIVATE_TARGETS) =>
  sendWebhook({ url, secret: generateWebhookSecret(), messageId: "msg_1", body: "{}", timeoutMs: 2000, now: new Date(), allowList });

const onlyLoopbackV4 = () => {
  const parsed = parseAllowList("127.0.0.1");
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.allowList;
};

describe("sendWebhook's target check", () => {
  it("refuses a loopback address written in the URL, without connecting", async () => {
    saas = await startTestSaas(() => ({ status: 200 }));
    const outcome = await send(saas.url);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.ok ? "" : outcome.error).toMatch(/^refused to send to 127\.0\.0\.1: a loopback address\. .*FULFILMENT_ALLOW_PRIVATE_TARGETS/);
    expect(saas.received).toHaveLength(0);
  });

  it("refuses a name that resolves to loopback when connecting (DNS rebinding), and sends when allowed", async () => {
    saas = await startTestSaas(() => ({ status: 204 }));
    const viaName = saas.url.replace("127.0.0.1", "localhost");
    const refused = await send(viaName);
    expect(refused.ok ? "" : refused.error).toMatch(/^refused to send to localhost resolves to (127\.0\.0\.1|::1): a loopback address/);
    expect(saas.received).toHaveLength(0);
    // localhost may resolve to ::1 as well as 127.0.0.1: "true" allows both.
    expect(await send(viaName, ALL_PRIVATE_TARGETS)).toMatchObject({ ok: true, statusCode: 204 });
    expect(await send(saas.url, onlyLoopbackV4())).toMatchObject({ ok: true, statusCode: 204 });
    expect(saas.received).toHaveLength(2);
  });

  it("refuses the metadata service even with internal targets allowed, and IPv4-mapped IPv6 forms", async () => {
    const metadata = await send("http://169.254.169.254/latest/meta-data/", ALL_PRIVATE_TARGETS);
    expect(metadata.ok ? "" : metadata.error).toMatch(/a cloud metadata service address/);
    const mapped = await send("http://[::ffff:127.0.0.1]:9/hook");
    expect(mapped.ok ? "" : mapped.error).toMatch(/^refused to send to ::ffff:7f00:1 \(127\.0\.0\.1\): a loopback address/);
    const scheme = await send("ftp://example.com/hook", ALL_PRIVATE_TARGETS);
    expect(scheme.ok ? "" : scheme.error).toBe("only http and https URLs can receive webhooks, not ftp:");
  });

  it("reports a timeout and a refused connection in words", async () => {
    saas = await startTestSaas(() => "hang");
    const slow = await sendWebhook({ url: saas.url, secret: generateWebhookSecret(), messageId: "m", body: "{}", timeoutMs: 200, now: new Date(), allowList: ALL_PRIVATE_TARGETS });
    expect(slow).toMatchObject({ ok: false, error: "no answer within 200 ms" });
    const closed = await send("http://127.0.0.1:9/hook", ALL_PRIVATE_TARGETS);
    expect(closed.ok ? "" : closed.error).toBe("could not reach the endpoint: connect ECONNREFUSED 127.0.0.1:9");
  });
});
