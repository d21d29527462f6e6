import { randomUUID } from "node:crypto";
import type { TenantSyncBody } from "@/lib/marketplace/koogallery/kit-schemas";
import { syncStamp, type KitSyncContext } from "@/server/kit/kit-sync-context";

// tenantSync (§3.5): flag 1 add, 2 modify (name and domain only), 0 delete. A delete also retires
// the tenant's applications, departments and users under the same instance.
export const tenantSync = async (data: TenantSyncBody, ctx: KitSyncContext): Promise<void> => {
  const { db } = ctx.deps;
  const key = { instanceId: data.instanceId, tenantId: data.tenantId };
  const stamp = syncStamp(ctx, data.testFlag);
  if (data.flag === 0) {
    const now = ctx.deps.now();
    await db.$transaction(async (tx) => {
      const active = { ...key, deletedAt: null };
      await tx.kitTenant.updateMany({ where: active, data: { ...stamp, deletedAt: now } });
      await tx.kitApplication.updateMany({ where: active, data: { deletedAt: now, updatedAt: now } });
      await tx.kitOrgUnit.updateMany({ where: active, data: { deletedAt: now, updatedAt: now } });
      await tx.kitUser.updateMany({ where: active, data: { deletedAt: now, updatedAt: now } });
    });
    return;
  }
  const fields = { orderId: data.orderId || null, tenantCode: data.tenantCode, name: data.name, domainName: data.domainName };
  await db.kitTenant.upsert({
    where: { instanceId_tenantId: key },
    create: { id: randomUUID(), ...key, ...fields, generation: ctx.generation, ...stamp },
    // A repeated add changes nothing but the sync stamp; modify changes only name and domain.
    update:
      data.flag === 2
        ? { name: data.name, domainName: data.domainName, deletedAt: null, ...stamp }
        : { ...fields, generation: ctx.generation, deletedAt: null, ...stamp },
  });
};
