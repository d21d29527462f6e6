import { z } from "zod";

// One log of what the marketplace sent us (inbound callbacks) and what we sent the seller's SaaS
// (outbound deliveries). Each side has its own states; the log speaks one normalised vocabulary.
export const MESSAGE_DIRECTIONS = ["inbound", "outbound"] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const MESSAGE_STATUSES = [
  "succeeded",
  // Inbound: answered with an error code. Outbound: the last attempt failed and another is scheduled.
  "failed",
  "pending",
  "processing",
  "awaiting_operator",
  // Outbound only: the retry schedule is exhausted.
  "dead",
  "cancelled",
  "resolved",
  // Inbound only: its handling crashed; stored, flagged for a human.
  "needs_review",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

// What a dashboard card or a "problems" shortcut means, in one place for the UI and the tests.
export const PROBLEM_STATUSES: readonly MessageStatus[] = ["failed", "dead", "needs_review"];
export const OPEN_DELIVERY_STATUSES: readonly MessageStatus[] = ["pending", "failed", "processing", "awaiting_operator"];

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { message: "messages.filterTooLong" }).optional());

export const messagesQuerySchema = z.object({
  direction: z.preprocess(blankToUndefined, z.enum(MESSAGE_DIRECTIONS, { message: "messages.directionInvalid" }).optional()),
  // An inbound activity (newInstance…) or an outbound event type (instance.created…).
  activity: text(64),
  // Comma-separated, any of MESSAGE_STATUSES.
  status: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
    z.array(z.enum(MESSAGE_STATUSES, { message: "messages.statusInvalid" })).max(MESSAGE_STATUSES.length).optional(),
  ),
  // Inbound: the marketplace result code (000001…). Outbound: the HTTP status of the last attempt.
  resultCode: text(16),
  product: text(128),
  orderId: text(64),
  instanceId: text(64),
  test: z.preprocess(blankToUndefined, z.enum(["only", "exclude"], { message: "messages.testInvalid" }).optional()),
  // Whole days in Beijing time, like every date filter of the console.
  from: z.preprocess(blankToUndefined, z.iso.date({ message: "messages.fromInvalid" }).optional()),
  to: z.preprocess(blankToUndefined, z.iso.date({ message: "messages.toInvalid" }).optional()),
  // Matches part of an order id or an instance id.
  q: text(64),
  // Open messages of an order the marketplace will refund unless it is fulfilled in time.
  atRisk: z.preprocess(blankToUndefined, z.enum(["1", "true"]).transform(() => true).optional()),
  cursor: text(256),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;
export type MessagesFilter = Omit<MessagesQuery, "cursor" | "limit">;

export const messageSummarySchema = z.object({
  direction: z.enum(MESSAGE_DIRECTIONS),
  // Inbound: the request's numeric id. Outbound: the delivery's uuid.
  id: z.string(),
  at: z.string(),
  activity: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  resultCode: z.string().nullable(),
  summary: z.string().nullable(),
  orderId: z.string().nullable(),
  instanceId: z.string().nullable(),
  productCode: z.string().nullable(),
  testFlag: z.boolean(),
  latencyMs: z.number().nullable(),
  attempts: z.number().nullable(),
  nextAttemptAt: z.string().nullable(),
  // When the marketplace gives up on the order (and refunds a purchase), while the message is open.
  deadlineAt: z.string().nullable(),
  adapter: z.enum(["webhook", "manual"]).nullable(),
  generation: z.string().nullable(),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const messagesPageSchema = z.object({
  messages: z.array(messageSummarySchema),
  nextCursor: z.string().nullable(),
  // Counting stops at TOTAL_CAP: a live log refreshed every few seconds must not scan millions of rows.
  total: z.number(),
  totalIsCapped: z.boolean(),
});
export type MessagesPage = z.infer<typeof messagesPageSchema>;
export const TOTAL_CAP = 10_000;

const bodySchema = z.object({
  // UTF-8 text, or null when the bytes are not UTF-8 (then `hex` holds them).
  text: z.string().nullable(),
  hex: z.string().nullable(),
  size: z.number(),
  truncated: z.boolean(),
});

export const inboundMessageDetailSchema = z.object({
  direction: z.literal("inbound"),
  serverNow: z.string(),
  message: messageSummarySchema,
  request: z.object({
    method: z.string(),
    path: z.string(),
    query: z.array(z.tuple([z.string(), z.string()])),
    headers: z.array(z.tuple([z.string(), z.string()])),
    clientIp: z.string().nullable(),
    body: bodySchema,
  }),
  answer: z.object({
    state: z.string(),
    verification: z.string().nullable(),
    keyUsed: z.string().nullable(),
    resultCode: z.string().nullable(),
    resultMessage: z.string().nullable(),
    body: z.string().nullable(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    answeredAt: z.string().nullable(),
    latencyMs: z.number().nullable(),
    error: z.string().nullable(),
  }),
  // The deliveries this callback caused, and the rest of the order's story.
  deliveries: z.array(messageSummarySchema),
  related: z.array(messageSummarySchema),
});
export type InboundMessageDetail = z.infer<typeof inboundMessageDetailSchema>;

export const deliveryAttemptSchema = z.object({
  attemptNo: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  statusCode: z.number().nullable(),
  latencyMs: z.number().nullable(),
  outcome: z.string(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});
export type DeliveryAttemptDto = z.infer<typeof deliveryAttemptSchema>;

export const outboundMessageDetailSchema = z.object({
  direction: z.literal("outbound"),
  serverNow: z.string(),
  message: messageSummarySchema,
  delivery: z.object({
    eventType: z.string(),
    adapter: z.enum(["webhook", "manual"]),
    rawStatus: z.string(),
    payload: z.string(),
    lastError: z.string().nullable(),
    lastStatusCode: z.number().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    resolutionComment: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    inboundRequestId: z.string().nullable(),
    attempts: z.array(deliveryAttemptSchema),
  }),
  // What an operator may do now; the server checks again when it is done.
  actions: z.object({
    rerun: z.boolean(),
    cancel: z.boolean(),
    resolve: z.boolean(),
    // "credentials": the tenant's access must be typed in; "done": it only needs to be marked done.
    complete: z.enum(["credentials", "done"]).nullable(),
  }),
  related: z.array(messageSummarySchema),
});
export type OutboundMessageDetail = z.infer<typeof outboundMessageDetailSchema>;

export const messageDetailSchema = z.discriminatedUnion("direction", [inboundMessageDetailSchema, outboundMessageDetailSchema]);
export type MessageDetail = z.infer<typeof messageDetailSchema>;

export const messageParamsSchema = z.object({
  direction: z.enum(MESSAGE_DIRECTIONS, { message: "messages.notFound" }),
  messageId: z.string().max(64, { message: "messages.notFound" }),
});

// Matches MAX_BULK of the operator actions: the UI sends bigger selections in chunks.
export const BULK_CHUNK_SIZE = 20;

export const deliveryIdsInputSchema = z.object({
  ids: z.array(z.uuid({ message: "messages.idInvalid" })).min(1, { message: "messages.noneSelected" }).max(100, { message: "messages.tooMany" }),
});
export type DeliveryIdsInput = z.infer<typeof deliveryIdsInputSchema>;

export const resolveDeliveriesInputSchema = deliveryIdsInputSchema.extend({
  comment: z.string().trim().min(1, { message: "messages.commentRequired" }).max(1000, { message: "messages.commentTooLong" }),
});
export type ResolveDeliveriesInput = z.infer<typeof resolveDeliveriesInputSchema>;

export const bulkResultSchema = z.object({
  changed: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

const optionalField = (max: number) => z.preprocess(blankToUndefined, z.string().max(max, { message: "messages.fieldTooLong" }).optional());

// The tenant an operator created by hand. The marketplace's own limits (URL length, encrypted
// credential length) are checked by the provisioning use-case, which names the field at fault.
export const completeDeliveryInputSchema = z.object({
  outcome: z
    .object({
      frontEndUrl: z.string().trim().min(1, { message: "messages.frontEndUrlRequired" }).max(2048, { message: "messages.fieldTooLong" }),
      adminUrl: optionalField(2048),
      userName: optionalField(200),
      password: optionalField(200),
      memo: optionalField(4096),
    })
    .strict()
    .nullable(),
});
export type CompleteDeliveryInput = z.infer<typeof completeDeliveryInputSchema>;
