import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { generateWebhookSecret, openWebhookSecret, sealWebhookSecret } from "@/server/fulfilment/product-webhook-secret";

const findProduct = async (productId: string, deps: Pick<Deps, "db">) => {
  const product = await deps.db.product.findUnique({ where: { id: productId } });
  if (!product) throw new AppError("NOT_FOUND", "No such product.", { messageKey: "products.notFound" });
  return product;
};

// The secret is shown to the owner to configure the SaaS side; every reveal is audited.
export const revealWebhookSecret = async (productId: string, actor: AuditActor, ipAddress: string | null, deps: Deps) => {
  const product = await findProduct(productId, deps);
  if (!product.webhookSecretSealed) throw new AppError("NOT_FOUND", "This product has no webhook secret yet.", { messageKey: "products.noSecret" });
  await recordAuditEvent(deps.db, { actor, action: "product.webhook_secret_revealed", targetType: "product", targetId: product.productCode, ipAddress }, deps.now());
  return { secret: openWebhookSecret(product.productCode, product.webhookSecretSealed, deps) };
};

export const rotateWebhookSecret = async (productId: string, actor: AuditActor, ipAddress: string | null, deps: Deps) => {
  const product = await findProduct(productId, deps);
  const secret = generateWebhookSecret();
  const now = deps.now();
  await deps.db.product.update({ where: { id: productId }, data: { webhookSecretSealed: sealWebhookSecret(product.productCode, secret, deps), updatedAt: now } });
  await recordAuditEvent(deps.db, { actor, action: "product.webhook_secret_rotated", targetType: "product", targetId: product.productCode, ipAddress }, now);
  return { secret };
};
