import { randomUUID } from "node:crypto";
import type { TestEventResult } from "@/lib/contracts/products";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { openWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { sendWebhook } from "@/server/fulfilment/send-webhook";
import { webhookAllowList } from "@/server/fulfilment/webhook-target-policy";
import type { AllowList } from "@/domain/fulfilment/webhook-target";

// "Send test event": a signed test.ping to the product's endpoint, answered on the spot.
// Internal targets are refused as for real deliveries (see domain/fulfilment/webhook-target.ts).
export const sendTestEvent = async (
  productId: string,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
  allowList: AllowList = webhookAllowList(),
): Promise<TestEventResult> => {
  const product = await deps.db.product.findUnique({ where: { id: productId } });
  if (!product) throw new AppError("NOT_FOUND", "No such product.", { messageKey: "products.notFound" });
  if (!product.webhookUrl || !product.webhookSecretSealed) {
    throw new AppError("CONFLICT", "Configure the product's webhook URL first.", { messageKey: "products.webhookUrlRequired" });
  }
  const now = deps.now();
  const body = JSON.stringify({ type: "test.ping", timestamp: now.toISOString(), data: { productCode: product.productCode, message: "Test event from the KooGallery Seller Console" } });
  const result = await sendWebhook({
    url: product.webhookUrl,
    secret: openWebhookSecret(product.productCode, product.webhookSecretSealed, deps),
    messageId: `msg_test_${randomUUID().replaceAll("-", "")}`,
    body,
    timeoutMs: product.webhookTimeoutMs,
    now,
    allowList,
  });
  await recordAuditEvent(deps.db, { actor, action: "product.test_event_sent", targetType: "product", targetId: product.productCode, ipAddress, details: { ok: result.ok, statusCode: result.statusCode } }, now);
  return result.ok
    ? { ok: true, statusCode: result.statusCode, latencyMs: result.latencyMs, error: null, responseExcerpt: result.body.slice(0, 500) }
    : { ok: false, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error, responseExcerpt: result.body?.slice(0, 500) ?? null };
};
