import { randomUUID } from "node:crypto";
import type { AuthSyncBody, KitUserInfo } from "@/lib/marketplace/koogallery/kit-schemas";
import { syncStamp, type KitSyncContext } from "@/server/kit/kit-sync-context";

export const contactAssociatedData = (instanceId: string, tenantId: string, appId: string, userName: string) =>
  `kit_users.contact:${instanceId}/${tenantId}/${appId}/${userName}`;

const contactOf = (user: KitUserInfo) => {
  const contact = { mobile: user.mobile, email: user.email, workPlace: user.workPlace };
  return Object.values(contact).some((value) => value !== undefined) ? JSON.stringify(contact) : null;
};

// authSync (§3.5): the users the enterprise admin authorised for the app. flag 1 add, 2 modify,
// 3 cancel authorisation (the user stays, marked not authorised), 0 delete. One transaction per
// call: the list is applied whole or not at all.
export const authSync = async (data: AuthSyncBody, ctx: KitSyncContext): Promise<void> => {
  const stamp = syncStamp(ctx, data.testFlag);
  const now = ctx.deps.now();
  await ctx.deps.db.$transaction(async (tx) => {
    for (const user of data.userList) {
      const key = { instanceId: data.instanceId, tenantId: data.tenantId, appId: data.appId, userName: user.userName };
      if (data.flag === 0) {
        await tx.kitUser.updateMany({ where: { ...key, deletedAt: null }, data: { ...stamp, deletedAt: now } });
      } else if (data.flag === 3) {
        await tx.kitUser.updateMany({ where: key, data: { ...stamp, authorised: false } });
      } else {
        const contact = contactOf(user);
        const fields = {
          name: user.name ?? null,
          orgCode: user.orgCode ?? null,
          position: user.position ?? null,
          employeeCode: user.employeeCode ?? null,
          employeeType: user.employeeType ?? null,
          role: user.role ?? null,
          enabled: user.enable ?? true,
          contactSealed: contact === null ? null : ctx.deps.secretBox.encrypt(contact, contactAssociatedData(key.instanceId, key.tenantId, key.appId, key.userName)),
        };
        await tx.kitUser.upsert({
          where: { instanceId_tenantId_appId_userName: key },
          create: { id: randomUUID(), ...key, ...fields, authorised: true, ...stamp },
          update: { ...fields, authorised: true, deletedAt: null, ...stamp },
        });
      }
    }
  });
};
