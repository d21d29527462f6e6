import type { Product } from "@/generated/prisma/client";
import type { ProductDto } from "@/lib/contracts/products";

export const toProductDto = (row: Product, instances: number): ProductDto => ({
  id: row.id,
  productCode: row.productCode,
  skuCode: row.skuCode,
  name: row.name,
  chargingMode: row.chargingMode,
  provisioningMode: row.provisioningMode as ProductDto["provisioningMode"],
  frontEndUrl: row.frontEndUrl,
  adminUrl: row.adminUrl,
  webhookUrl: row.webhookUrl,
  hasWebhookSecret: row.webhookSecretSealed !== null,
  webhookTimeoutMs: row.webhookTimeoutMs,
  syncBudgetMs: row.syncBudgetMs,
  encryptType: row.encryptType === "2" ? "2" : "1",
  needsReview: row.needsReview,
  instances,
  createdAt: row.createdAt.toISOString(),
});
