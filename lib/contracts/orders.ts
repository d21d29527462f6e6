import { z } from "zod";
import { CHARGING_MODES, ORDER_TYPES } from "@/lib/marketplace/koogallery/order-query";

// Empty form fields arrive as "" in the URL: they mean "no filter", not an invalid value.
const blank = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const amount = z.string().regex(/^-?\d{1,17}(\.\d{1,3})?$/, { message: "orders.amountInvalid" });

export const ORDER_SORTS = ["orderedAt", "amount", "orderId"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const TEST_TRAFFIC = ["all", "only", "exclude"] as const;

export const orderFilterSchema = z.object({
  orderId: optional(z.string().trim().max(64)),
  customer: optional(z.string().trim().max(128)),
  product: optional(z.string().trim().max(128)),
  orderType: optional(z.enum(ORDER_TYPES)),
  chargingMode: optional(z.enum(CHARGING_MODES)),
  amountMin: optional(amount),
  amountMax: optional(amount),
  // Whole days in Beijing time, the marketplace's and the operators' day.
  from: optional(z.iso.date({ message: "orders.dateInvalid" })),
  to: optional(z.iso.date({ message: "orders.dateInvalid" })),
  test: z.preprocess(blank, z.enum(TEST_TRAFFIC).default("all")),
  sort: z.preprocess(blank, z.enum(ORDER_SORTS).default("orderedAt")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("desc")),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const orderListQuerySchema = orderFilterSchema.extend({
  // Keyset pagination: an opaque cursor naming the last row of the previous page.
  after: optional(z.string().max(400)),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderListItemSchema = z.object({
  orderId: z.string(),
  orderType: z.string().nullable(),
  orderedAt: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  chargingMode: z.string().nullable(),
  products: z.string().nullable(),
  // Decimal strings with three places, negative for refunds; never floats.
  amount: z.string().nullable(),
  amountAfterDiscount: z.string().nullable(),
  currency: z.string().nullable(),
  testFlag: z.boolean(),
  source: z.string(),
  fetchedAt: z.string().nullable(),
  fetchError: z.string().nullable(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const orderPageSchema = z.object({
  orders: z.array(orderListItemSchema),
  total: z.number(),
  // False when the filter matches more than the exact-count limit: total is then the planner's estimate.
  totalIsExact: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

export const orderDifferenceSchema = z.object({
  field: z.string(),
  orderLineId: z.string().nullable(),
  console: z.string().nullable(),
  marketplace: z.string().nullable(),
});
export type OrderDifference = z.infer<typeof orderDifferenceSchema>;

export const orderLineDtoSchema = z.object({
  orderLineId: z.string(),
  productCode: z.string().nullable(),
  skuCode: z.string().nullable(),
  productName: z.string().nullable(),
  chargingMode: z.string().nullable(),
  periodType: z.string().nullable(),
  periodNumber: z.number().nullable(),
  linearValue: z.string().nullable(),
  amount: z.string().nullable(),
  amountAfterDiscount: z.string().nullable(),
  expireAt: z.string().nullable(),
});

export const TIMELINE_KINDS = ["callback", "instance_event", "delivery", "fetch"] as const;
export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string(),
  at: z.string(),
  // callback: the activity; instance_event: its kind; delivery: the event type; fetch: the reason.
  title: z.string(),
  status: z.string().nullable(),
  testFlag: z.boolean(),
  instanceId: z.string().nullable(),
  // The interface message this item is or came from: /messages/inbound/<id> or /messages/outbound/<id>.
  href: z.string().nullable(),
  detail: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const orderDetailSchema = z.object({
  order: orderListItemSchema.extend({
    customerType: z.string().nullable(),
    periodType: z.string().nullable(),
    periodNumber: z.number().nullable(),
    extendParams: z.unknown(),
    createdAt: z.string(),
  }),
  lines: z.array(orderLineDtoSchema),
  instances: z.array(
    z.object({ instanceId: z.string(), status: z.string(), productCode: z.string().nullable(), expireAt: z.string().nullable(), createdByThisOrder: z.boolean() }),
  ),
  timeline: z.array(timelineItemSchema),
  raw: z.unknown(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const refetchResultSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  resultCode: z.string().nullable(),
  differences: z.array(orderDifferenceSchema),
});
export type RefetchResult = z.infer<typeof refetchResultSchema>;

export const reconciliationSummarySchema = z.object({
  id: z.string(),
  trigger: z.enum(["daily", "manual"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
  windowFrom: z.string(),
  windowTo: z.string(),
  ordersTotal: z.number(),
  ordersDone: z.number(),
  ordersFailed: z.number(),
  ordersDiffering: z.number(),
});
export type ReconciliationSummaryDto = z.infer<typeof reconciliationSummarySchema>;

export const reconciliationSchema = reconciliationSummarySchema.extend({
  findings: z.array(z.object({ orderId: z.string(), status: z.string(), error: z.string().nullable(), differences: z.array(orderDifferenceSchema) })),
});
export type ReconciliationDto = z.infer<typeof reconciliationSchema>;

export const orderIdParamsSchema = z.object({ orderId: z.string().min(1).max(64) });
export const reconciliationIdParamsSchema = z.object({ reconciliationId: z.uuid() });

// Exports of the filtered list (issue 6): started with the filter and a format, downloaded once
// as a stream, followed (rows written of the total) and cancellable while it runs.
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_STATUSES = ["ready", "running", "finished", "cancelled", "failed"] as const;
export const startOrderExportSchema = orderFilterSchema.extend({ format: z.enum(EXPORT_FORMATS) });
export type StartOrderExport = z.infer<typeof startOrderExportSchema>;
export const orderExportQuerySchema = orderFilterSchema.extend({ format: z.preprocess(blank, z.enum(EXPORT_FORMATS).default("csv")) });
export const orderExportParamsSchema = z.object({ exportId: z.uuid() });
export const orderExportSchema = z.object({
  id: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
  // The filter's count when the export started: exact, or the planner's estimate past the
  // exact-count limit (totalIsExact false); rowsDone is always exact.
  total: z.number(),
  totalIsExact: z.boolean(),
  rowsDone: z.number(),
  status: z.enum(EXPORT_STATUSES),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  fileUrl: z.string(),
});
export type OrderExportDto = z.infer<typeof orderExportSchema>;

// The dashboard's order figures (issue 6): Beijing days, test traffic left out.
export type OrderFigures = {
  // Orders per order type ("UNKNOWN" for one not fetched yet).
  today: Record<string, number>;
  thisMonth: Record<string, number>;
  // Deal amount (currencyAfterDiscount, else the order amount) this month, refunds negative: a decimal string.
  paidThisMonth: string;
  instancesExpiringWithin7Days: number;
  failedProvisionings: number;
  // The last 30 Beijing days, oldest first, every day present (0 when nothing was ordered).
  daily: { day: string; orders: number; amount: string }[];
};
