import { z } from "zod";

// What the seller's SaaS receives, one JSON document per lifecycle event, signed per the
// Standard Webhooks specification. `data` carries what the console knows of the instance.
export const LIFECYCLE_EVENT_TYPES = [
  "instance.created",
  "instance.renewed",
  "instance.upgraded",
  "instance.frozen",
  "instance.unfrozen",
  "instance.released",
  "license.issued",
  "test.ping",
] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

const instanceData = z.object({
  instanceId: z.string().describe("The instance id the console gave the marketplace"),
  orderId: z.string().describe("The marketplace order that caused the event"),
  orderLineId: z.string().nullable(),
  productCode: z.string().nullable().describe("KooGallery productId"),
  skuCode: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  chargingMode: z.enum(["PERIOD", "ONE_TIME", "ON_DEMAND", "ON_DEMAND_PKG"]).nullable(),
  expireAt: z.string().nullable().describe("ISO 8601, UTC"),
  trial: z.boolean(),
  test: z.boolean().describe("Marketplace debugging traffic: do not provision real resources"),
});

export const LIFECYCLE_EVENT_DATA = {
  "instance.created": instanceData,
  "instance.renewed": instanceData.extend({ scene: z.enum(["TRIAL_TO_FORMAL", "RENEWAL", "UNSUBSCRIBE_RENEWAL_PERIOD", "RENEWAL_CHANGE"]) }),
  "instance.upgraded": instanceData.extend({ linear: z.record(z.string(), z.string()).describe("Linear attributes such as amount, diskSize, bandWidth") }),
  "instance.frozen": instanceData,
  "instance.unfrozen": instanceData,
  "instance.released": instanceData,
  "license.issued": instanceData.extend({ licence: z.string() }),
  "test.ping": z.object({ productCode: z.string(), message: z.string() }),
} satisfies Record<LifecycleEventType, z.ZodType>;

export const lifecycleEnvelope = <T extends z.ZodType>(type: LifecycleEventType, data: T) =>
  z.object({ type: z.literal(type), timestamp: z.string().describe("ISO 8601, when the event happened"), data });

// The SaaS's 2xx answer to instance.created: how the buyer reaches the new tenant. The console
// encrypts the credentials for the marketplace (≤ 79 bytes each once encrypted to 128 characters).
export const provisioningResultSchema = z.object({
  frontEndUrl: z.string().url().max(512),
  adminUrl: z.string().url().max(512).optional(),
  userName: z.string().min(1).max(79).optional(),
  password: z.string().min(1).max(79).optional(),
  memo: z.string().max(1024).optional(),
});
export type ProvisioningResult = z.infer<typeof provisioningResultSchema>;

export const lifecycleEventJsonSchemas = () =>
  Object.fromEntries(
    LIFECYCLE_EVENT_TYPES.map((type) => [type, z.toJSONSchema(lifecycleEnvelope(type, LIFECYCLE_EVENT_DATA[type]))]),
  ) as Record<LifecycleEventType, unknown>;

export const provisioningResultJsonSchema = () => z.toJSONSchema(provisioningResultSchema);
