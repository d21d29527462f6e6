import type { KitOverview, KitQuery, KitTenantView } from "@/lib/contracts/kit";
import type { Deps } from "@/server/deps";

// Per table at most this many rows are read; the view says when it was cut short.
export const KIT_VIEW_LIMIT = 2000;

// Everything the kit sync calls stored, grouped by (instance, tenant): departments or users may
// arrive before the tenant itself, so the groups are the union over all four tables.
export const listKitTenants = async (query: KitQuery, deps: Pick<Deps, "db">): Promise<KitOverview> => {
  const where = {
    ...(query.instanceId !== undefined ? { instanceId: query.instanceId } : {}),
    ...(query.tenantId ? { tenantId: query.tenantId } : {}),
  };
  const take = KIT_VIEW_LIMIT + 1;
  const [tenants, applications, orgUnits, users] = await Promise.all([
    deps.db.kitTenant.findMany({ where, orderBy: { lastSyncAt: "desc" }, take }),
    deps.db.kitApplication.findMany({ where, orderBy: { appId: "asc" }, take }),
    deps.db.kitOrgUnit.findMany({ where, orderBy: { orgCode: "asc" }, take }),
    deps.db.kitUser.findMany({ where, orderBy: { userName: "asc" }, take }),
  ]);
  const truncated = [tenants, applications, orgUnits, users].some((rows) => rows.length > KIT_VIEW_LIMIT);
  const groups = new Map<string, KitTenantView>();
  const group = (instanceId: string, tenantId: string) => {
    const key = JSON.stringify([instanceId, tenantId]);
    let found = groups.get(key);
    if (!found) {
      found = { instanceId, tenantId, tenant: null, applications: [], orgUnits: [], users: [] };
      groups.set(key, found);
    }
    return found;
  };
  const synced = (row: { deletedAt: Date | null; testFlag: boolean; lastSyncAt: Date }) => ({
    deleted: row.deletedAt !== null,
    testFlag: row.testFlag,
    lastSyncAt: row.lastSyncAt.toISOString(),
  });
  for (const t of tenants.slice(0, KIT_VIEW_LIMIT)) {
    group(t.instanceId, t.tenantId).tenant = { tenantCode: t.tenantCode, name: t.name, domainName: t.domainName, orderId: t.orderId, generation: t.generation, ...synced(t) };
  }
  for (const a of applications.slice(0, KIT_VIEW_LIMIT)) {
    group(a.instanceId, a.tenantId).applications.push({ appId: a.appId, clientId: a.clientId, hasClientSecret: a.clientSecretSealed !== null, ...synced(a) });
  }
  for (const o of orgUnits.slice(0, KIT_VIEW_LIMIT)) {
    group(o.instanceId, o.tenantId).orgUnits.push({ orgCode: o.orgCode, orgName: o.orgName, parentCode: o.parentCode, ...synced(o) });
  }
  for (const u of users.slice(0, KIT_VIEW_LIMIT)) {
    group(u.instanceId, u.tenantId).users.push({
      appId: u.appId,
      userName: u.userName,
      name: u.name,
      orgCode: u.orgCode,
      role: u.role,
      enabled: u.enabled,
      authorised: u.authorised,
      ...synced(u),
    });
  }
  return { tenants: [...groups.values()], truncated };
};
