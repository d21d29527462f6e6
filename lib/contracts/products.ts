import { z } from "zod";

export const productDtoSchema = z.object({
  id: z.string(),
  productCode: z.string(),
  skuCode: z.string().nullable(),
  name: z.string().nullable(),
  chargingMode: z.string().nullable(),
  provisioningMode: z.enum(["none", "webhook", "manual"]),
  frontEndUrl: z.string().nullable(),
  adminUrl: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  hasWebhookSecret: z.boolean(),
  webhookTimeoutMs: z.number(),
  syncBudgetMs: z.number(),
  encryptType: z.enum(["1", "2"]),
  needsReview: z.boolean(),
  instances: z.number(),
  createdAt: z.string(),
});
export type ProductDto = z.infer<typeof productDtoSchema>;

const url = (message: string) =>
  z
    .string()
    .trim()
    .max(512, { message: "products.urlTooLong" })
    .refine((value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, { message });

export const updateProductInputSchema = z
  .object({
    name: z.string().trim().max(200, { message: "products.nameTooLong" }).nullable().optional(),
    provisioningMode: z.enum(["none", "webhook", "manual"], { message: "products.modeInvalid" }).optional(),
    frontEndUrl: url("products.urlInvalid").optional(),
    adminUrl: url("products.urlInvalid").nullable().optional(),
    webhookUrl: url("products.webhookUrlInvalid").nullable().optional(),
    webhookTimeoutMs: z.number().int().min(500, { message: "products.timeoutRange" }).max(30_000, { message: "products.timeoutRange" }).optional(),
    // The marketplace waits about 5 s for an answer; the budget leaves room for the rest.
    syncBudgetMs: z.number().int().min(0, { message: "products.budgetRange" }).max(4500, { message: "products.budgetRange" }).optional(),
    encryptType: z.enum(["1", "2"], { message: "products.encryptTypeInvalid" }).optional(),
    needsReview: z.literal(false).optional(),
  })
  .strict();
export type UpdateProductInput = z.infer<typeof updateProductInputSchema>;

export const testEventResultSchema = z.object({
  ok: z.boolean(),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});
export type TestEventResult = z.infer<typeof testEventResultSchema>;
