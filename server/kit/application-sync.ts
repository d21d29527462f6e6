import { randomUUID } from "node:crypto";
import type { ApplicationSyncBody } from "@/lib/marketplace/koogallery/kit-schemas";
import { syncStamp, type KitSyncContext } from "@/server/kit/kit-sync-context";

export const clientSecretAssociatedData = (instanceId: string, tenantId: string, appId: string) =>
  `kit_applications.client_secret:${instanceId}/${tenantId}/${appId}`;

// applicationSync (§3.5): flag 1 add, 2 modify (V2 only), 0 delete.
// clientSecret arrives RSA-OAEP encrypted with the seller's public key (§2.7). Decrypting it needs
// the seller's RSA private key, which this console does not hold (and should not: the SaaS
// application doing the 联营 SSO token exchange is where it belongs). So the ciphertext is stored
// exactly as received, sealed once more with the console's secretBox, for the seller to hand over.
export const applicationSync = async (data: ApplicationSyncBody, ctx: KitSyncContext): Promise<void> => {
  const { db, secretBox } = ctx.deps;
  const key = { instanceId: data.instanceId, tenantId: data.tenantId, appId: data.appId };
  const stamp = syncStamp(ctx, data.testFlag);
  if (data.flag === 0) {
    await db.kitApplication.updateMany({ where: { ...key, deletedAt: null }, data: { ...stamp, deletedAt: ctx.deps.now() } });
    return;
  }
  const fields = {
    clientId: data.clientId,
    clientSecretSealed: secretBox.encrypt(data.clientSecret, clientSecretAssociatedData(data.instanceId, data.tenantId, data.appId)),
    generation: ctx.generation,
  };
  await db.kitApplication.upsert({
    where: { instanceId_tenantId_appId: key },
    create: { id: randomUUID(), ...key, ...fields, ...stamp },
    update: { ...fields, deletedAt: null, ...stamp },
  });
};
