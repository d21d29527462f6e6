import { randomUUID } from "node:crypto";
import type { ChargingMode } from "@/domain/callbacks/callback-command";
import type { Product } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";
import type { MarketplaceKeys } from "@/server/gateway/marketplace-keys";

// A product the console has never seen is recorded and accepted, never refused: refusing would
// make the marketplace fail the order and refund the buyer. An operator reviews it later.
export const ensureProduct = async (
  input: { productCode: string; skuCode?: string; chargingMode?: ChargingMode },
  config: Pick<MarketplaceKeys, "defaultProvisioningMode" | "defaultFrontEndUrl">,
  deps: Pick<Deps, "db" | "now">,
): Promise<Product> => {
  const existing = await deps.db.product.findUnique({ where: { productCode: input.productCode } });
  if (existing) return existing;
  const now = deps.now();
  await deps.db.product.createMany({
    data: [
      {
        id: randomUUID(),
        productCode: input.productCode,
        skuCode: input.skuCode ?? null,
        chargingMode: input.chargingMode ?? null,
        provisioningMode: config.defaultProvisioningMode,
        frontEndUrl: config.defaultFrontEndUrl,
        needsReview: true,
        createdAt: now,
        updatedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return deps.db.product.findUniqueOrThrow({ where: { productCode: input.productCode } });
};
