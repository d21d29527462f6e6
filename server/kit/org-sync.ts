import { randomUUID } from "node:crypto";
import type { AllOrgSyncBody, SingleOrgSyncBody } from "@/lib/marketplace/koogallery/kit-schemas";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { syncStamp, type KitSyncContext } from "@/server/kit/kit-sync-context";

type Tx = Prisma.TransactionClient;

const upsertOrg = (
  db: Tx | Db,
  key: { instanceId: string; tenantId: string; orgCode: string },
  fields: { orgName: string; parentCode: string | null },
  stamp: ReturnType<typeof syncStamp>,
) =>
  db.kitOrgUnit.upsert({
    where: { instanceId_tenantId_orgCode: key },
    create: { id: randomUUID(), ...key, ...fields, ...stamp },
    update: { ...fields, deletedAt: null, ...stamp },
  });

// singleOrgSync (§3.5): one department added (1), changed (2) or deleted (0).
export const singleOrgSync = async (data: SingleOrgSyncBody, ctx: KitSyncContext): Promise<void> => {
  const key = { instanceId: data.instanceId, tenantId: data.tenantId, orgCode: data.orgCode };
  const stamp = syncStamp(ctx, data.testFlag);
  if (data.flag === 0) {
    await ctx.deps.db.kitOrgUnit.updateMany({ where: { ...key, deletedAt: null }, data: { ...stamp, deletedAt: ctx.deps.now() } });
    return;
  }
  await upsertOrg(ctx.deps.db, key, { orgName: data.orgName, parentCode: data.parentCode ?? null }, stamp);
};

// allOrgSync (§3.5): the whole department tree. Every listed unit is upserted and every unit of
// the (instance, tenant) not listed is marked deleted, in one transaction; an empty tree is a
// tenant without departments. Repeating the same call changes nothing.
export const allOrgSync = async (data: AllOrgSyncBody, ctx: KitSyncContext): Promise<void> => {
  const stamp = syncStamp(ctx, data.testFlag);
  const scope = { instanceId: data.instanceId, tenantId: data.tenantId };
  await ctx.deps.db.$transaction(async (tx) => {
    for (const org of data.orgs) {
      await upsertOrg(tx, { ...scope, orgCode: org.orgCode }, { orgName: org.orgName, parentCode: org.parentCode ?? null }, stamp);
    }
    await tx.kitOrgUnit.updateMany({
      where: { ...scope, deletedAt: null, orgCode: { notIn: data.orgs.map((org) => org.orgCode) } },
      data: { ...stamp, deletedAt: ctx.deps.now() },
    });
  });
};
