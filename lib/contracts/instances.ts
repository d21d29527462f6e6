import { z } from "zod";

const blank = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const INSTANCE_STATUSES = ["provisioning", "active", "frozen", "released", "failed"] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const instanceListQuerySchema = z.object({
  status: optional(z.enum(INSTANCE_STATUSES)),
  product: optional(z.string().trim().max(128)),
  customer: optional(z.string().trim().max(128)),
  orderId: optional(z.string().trim().max(64)),
  // Active or frozen instances whose expiry falls between now and now + N days.
  expiringWithinDays: optional(z.coerce.number().int().min(0).max(3650)),
  test: z.preprocess(blank, z.enum(["all", "only", "exclude"]).default("all")),
  after: optional(z.string().max(400)),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});
export type InstanceListQuery = z.infer<typeof instanceListQuerySchema>;

export const instanceListItemSchema = z.object({
  instanceId: z.string(),
  status: z.enum(INSTANCE_STATUSES),
  generation: z.string(),
  orderId: z.string(),
  productCode: z.string().nullable(),
  skuCode: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  chargingMode: z.string().nullable(),
  isTrial: z.boolean(),
  testFlag: z.boolean(),
  expireAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InstanceListItem = z.infer<typeof instanceListItemSchema>;

export const instancePageSchema = z.object({ instances: z.array(instanceListItemSchema), total: z.number(), nextCursor: z.string().nullable() });
export type InstancePage = z.infer<typeof instancePageSchema>;

export const instanceDetailSchema = z.object({
  instance: instanceListItemSchema.extend({
    orderLineId: z.string().nullable(),
    frontEndUrl: z.string().nullable(),
    adminUrl: z.string().nullable(),
    memo: z.string().nullable(),
    usageValue: z.string().nullable(),
    provisionedAt: z.string().nullable(),
    frozenAt: z.string().nullable(),
    releasedAt: z.string().nullable(),
    // Whether credentials are stored; their values only through the audited reveal.
    hasUserName: z.boolean(),
    hasPassword: z.boolean(),
  }),
  events: z.array(
    z.object({ id: z.string(), kind: z.string(), occurredAt: z.string(), orderId: z.string().nullable(), inboundRequestId: z.string().nullable(), details: z.unknown() }),
  ),
  deliveries: z.array(z.object({ id: z.string(), eventType: z.string(), status: z.string(), attempts: z.number(), createdAt: z.string() })),
});
export type InstanceDetail = z.infer<typeof instanceDetailSchema>;

export const instanceCredentialsSchema = z.object({ userName: z.string().nullable(), password: z.string().nullable() });
export type InstanceCredentials = z.infer<typeof instanceCredentialsSchema>;

export const instanceIdParamsSchema = z.object({ instanceId: z.string().min(1).max(64) });
