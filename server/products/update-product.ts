import type { ProductDto, UpdateProductInput } from "@/lib/contracts/products";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { generateWebhookSecret, sealWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { toProductDto } from "@/server/products/product-dto";

export const updateProduct = async (
  productId: string,
  input: UpdateProductInput,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<ProductDto> => {
  const before = await deps.db.product.findUnique({ where: { id: productId } });
  if (!before) throw new AppError("NOT_FOUND", "No such product.", { messageKey: "products.notFound" });
  const mode = input.provisioningMode ?? before.provisioningMode;
  const webhookUrl = input.webhookUrl === undefined ? before.webhookUrl : input.webhookUrl;
  if (mode === "webhook" && !webhookUrl) {
    throw new AppError("VALIDATION_FAILED", "A webhook product needs the URL of your SaaS endpoint.", {
      issues: [{ path: "webhookUrl", code: "products.webhookUrlRequired", message: "A webhook product needs the URL of your SaaS endpoint." }],
    });
  }
  const now = deps.now();
  // A webhook product gets its signing secret the moment it becomes one.
  const secret = mode === "webhook" && !before.webhookSecretSealed ? sealWebhookSecret(before.productCode, generateWebhookSecret(), deps) : undefined;
  const row = await deps.db.product.update({
    where: { id: productId },
    data: { ...input, webhookSecretSealed: secret, updatedAt: now },
  });
  await recordAuditEvent(deps.db, { actor, action: "product.updated", targetType: "product", targetId: row.productCode, ipAddress, details: { changes: input } }, now);
  const instances = await deps.db.instance.count({ where: { productCode: row.productCode } });
  return toProductDto(row, instances);
};
