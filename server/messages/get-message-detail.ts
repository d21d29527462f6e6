import { CANCELLABLE_STATUSES, RERUNNABLE_STATUSES, RESOLVABLE_STATUSES } from "@/domain/fulfilment/delivery-actions";
import type { DeliveryAttemptDto, InboundMessageDetail, MessageDetail, MessageDirection, OutboundMessageDetail } from "@/lib/contracts/messages";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { readMessageLog } from "@/server/messages/message-log";
import { readSnapshot, type Reader } from "@/server/messages/read-snapshot";
import { maskCredentialPairs, maskCredentialsInText, maskHeaders } from "@/server/messages/mask-credentials";

const RELATED_LIMIT = 50;

const notFound = () => new AppError("NOT_FOUND", "No such message.", { messageKey: "messages.notFound" });

// What the operator actions accept (server/fulfilment/operator-actions.ts checks again): shown
// here so the page offers only the buttons that can work.
const RERUNNABLE = new Set<string>(RERUNNABLE_STATUSES);
const CANCELLABLE = new Set<string>(CANCELLABLE_STATUSES);
const RESOLVABLE = new Set<string>(RESOLVABLE_STATUSES);

// As the marketplace sent it: percent-decoded, but "+" kept (a V1 authToken is Base64).
const queryPairs = (query: string): [string, string][] =>
  query
    .split("&")
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      const [key, value] = at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
      const decode = (text: string) => {
        try {
          return decodeURIComponent(text);
        } catch {
          return text;
        }
      };
      return [decode(key), decode(value)];
    });

// Stored as jsonb, which keeps no order of its own: sorted by name, for reading.
const headerPairs = (value: unknown): [string, string][] =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>)
        .map(([key, v]): [string, string] => [key, typeof v === "string" ? v : JSON.stringify(v)])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : [];

const decodeBody = (bytes: Uint8Array) => {
  try {
    return { text: maskCredentialsInText(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), hex: null };
  } catch {
    return { text: null, hex: Buffer.from(bytes).toString("hex") };
  }
};

type ReadDeps = { db: Reader; now: () => Date };

const related = async (self: { direction: MessageDirection; id: string }, orderId: string | null, instanceId: string | null, deps: ReadDeps) => {
  if (!orderId && !instanceId) return [];
  const { messages } = await readMessageLog({ orderOrInstance: { orderId, instanceId } }, { limit: RELATED_LIMIT }, deps);
  return messages.filter((message) => !(message.direction === self.direction && message.id === self.id));
};

const inboundDetail = async (messageId: string, deps: ReadDeps): Promise<InboundMessageDetail> => {
  if (!/^\d{1,18}$/.test(messageId)) throw notFound();
  const id = BigInt(messageId);
  const row = await deps.db.inboundRequest.findUnique({ where: { id } });
  const message = (await readMessageLog({ direction: "inbound", id: messageId }, { limit: 1 }, deps)).messages[0];
  if (!row || !message) throw notFound();
  const deliveries = await readMessageLog({ inboundRequestId: id }, { limit: RELATED_LIMIT }, deps);
  const story = await related(message, row.orderId, row.instanceId, deps);
  return {
    direction: "inbound",
    serverNow: deps.now().toISOString(),
    message,
    request: {
      method: row.method,
      path: row.path,
      query: maskCredentialPairs(queryPairs(row.query)),
      headers: maskHeaders(headerPairs(row.headers)),
      clientIp: row.clientIp,
      body: { ...decodeBody(row.body), size: row.bodySize, truncated: row.bodyTruncated },
    },
    answer: {
      state: row.state,
      verification: row.verification,
      keyUsed: row.keyUsed,
      resultCode: row.resultCode,
      resultMessage: row.resultMessage,
      body: row.answerBody === null ? null : maskCredentialsInText(row.answerBody),
      headers: maskHeaders(headerPairs(row.answerHeaders)),
      answeredAt: row.answeredAt?.toISOString() ?? null,
      latencyMs: row.latencyMs,
      error: row.error,
    },
    deliveries: deliveries.messages,
    related: story.filter((entry) => !deliveries.messages.some((delivery) => delivery.id === entry.id)),
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const outboundDetail = async (messageId: string, deps: ReadDeps): Promise<OutboundMessageDetail> => {
  if (!UUID.test(messageId)) throw notFound();
  const id = messageId.toLowerCase();
  const row = await deps.db.delivery.findUnique({ where: { id }, include: { attemptRows: { orderBy: [{ attemptNo: "asc" }, { id: "asc" }] } } });
  const message = (await readMessageLog({ direction: "outbound", id }, { limit: 1 }, deps)).messages[0];
  if (!row || !message) throw notFound();
  const attempts: DeliveryAttemptDto[] = row.attemptRows.map((attempt) => ({
    attemptNo: attempt.attemptNo,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    statusCode: attempt.statusCode,
    latencyMs: attempt.latencyMs,
    outcome: attempt.outcome,
    error: attempt.error,
    responseExcerpt: attempt.responseExcerpt === null ? null : maskCredentialsInText(attempt.responseExcerpt),
  }));
  const awaiting = row.status === "awaiting_operator";
  return {
    direction: "outbound",
    serverNow: deps.now().toISOString(),
    message,
    delivery: {
      eventType: row.eventType,
      adapter: row.adapter === "manual" ? "manual" : "webhook",
      rawStatus: row.status,
      payload: maskCredentialsInText(JSON.stringify(row.payload, null, 2)),
      lastError: row.lastError,
      lastStatusCode: row.lastStatusCode,
      createdAt: row.createdAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      resolutionComment: row.resolutionComment,
      resolvedBy: row.resolvedBy,
      inboundRequestId: row.inboundRequestId?.toString() ?? null,
      attempts,
    },
    actions: {
      rerun: row.adapter === "webhook" && RERUNNABLE.has(row.status),
      cancel: CANCELLABLE.has(row.status),
      resolve: RESOLVABLE.has(row.status),
      complete: awaiting ? (row.eventType === "instance.created" && row.instanceId ? "credentials" : "done") : null,
    },
    related: await related(message, row.orderId, row.instanceId, deps),
  };
};

export const getMessageDetail = (direction: MessageDirection, messageId: string, deps: Pick<Deps, "db" | "now">): Promise<MessageDetail> =>
  readSnapshot<MessageDetail>(deps, (db) =>
    direction === "inbound" ? inboundDetail(messageId, { db, now: deps.now }) : outboundDetail(messageId, { db, now: deps.now }),
  );
