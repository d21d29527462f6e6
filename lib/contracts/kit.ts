import { z } from "zod";

// The read-only 联营Kit view: what the marketplace's kit sync calls told the console.
export const kitQuerySchema = z.object({
  instanceId: z.string().trim().max(64).optional(),
  tenantId: z.string().trim().max(64).optional(),
});
export type KitQuery = z.infer<typeof kitQuerySchema>;

const synced = { deleted: z.boolean(), testFlag: z.boolean(), lastSyncAt: z.string() };

export const kitTenantSchema = z.object({
  instanceId: z.string(),
  tenantId: z.string(),
  // null when the marketplace synced departments or users before (or without) the tenant itself.
  tenant: z
    .object({ tenantCode: z.string().nullable(), name: z.string().nullable(), domainName: z.string().nullable(), orderId: z.string().nullable(), generation: z.string(), ...synced })
    .nullable(),
  applications: z.array(z.object({ appId: z.string(), clientId: z.string().nullable(), hasClientSecret: z.boolean(), ...synced })),
  orgUnits: z.array(z.object({ orgCode: z.string(), orgName: z.string().nullable(), parentCode: z.string().nullable(), ...synced })),
  users: z.array(
    z.object({
      appId: z.string(),
      userName: z.string(),
      name: z.string().nullable(),
      orgCode: z.string().nullable(),
      role: z.string().nullable(),
      enabled: z.boolean(),
      authorised: z.boolean(),
      ...synced,
    }),
  ),
});
export type KitTenantView = z.infer<typeof kitTenantSchema>;

export const kitOverviewSchema = z.object({ tenants: z.array(kitTenantSchema), truncated: z.boolean() });
export type KitOverview = z.infer<typeof kitOverviewSchema>;
