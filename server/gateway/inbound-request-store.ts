import { Prisma } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";

export const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

// Headers that carry credentials of their own are not kept; signatures are (they are not secrets
// and an operator needs them to understand a verification failure).
const DROPPED_HEADERS = new Set(["cookie", "authorization", "proxy-authorization"]);

export type RawCallbackRequest = {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body: Buffer;
  bodyTruncated: boolean;
  bodySize: number;
  clientIp: string | null;
  receivedAt: Date;
};

export const storeInboundRequest = async (raw: RawCallbackRequest, deps: Pick<Deps, "db">): Promise<bigint> => {
  const headers: Record<string, string> = {};
  raw.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value.slice(0, 2048);
  });
  const row = await deps.db.inboundRequest.create({
    data: {
      receivedAt: raw.receivedAt,
      method: raw.method,
      path: raw.path.slice(0, 2048),
      query: raw.query.slice(0, 16 * 1024),
      headers,
      body: new Uint8Array(raw.body),
      bodySize: raw.bodySize,
      bodyTruncated: raw.bodyTruncated,
      clientIp: raw.clientIp,
    },
    select: { id: true },
  });
  return row.id;
};

export type InboundOutcome = {
  generation: string | null;
  activity: string | null;
  verification: string;
  keyUsed: string | null;
  resultCode: string;
  resultMessage: string;
  answerBody: string;
  answerHeaders: Record<string, string>;
  latencyMs: number;
  testFlag: boolean;
  orderId: string | null;
  instanceId: string | null;
  error: string | null;
};

export const finishInboundRequest = async (id: bigint, outcome: InboundOutcome, now: Date, deps: Pick<Deps, "db">) => {
  await deps.db.inboundRequest.update({
    where: { id },
    data: {
      state: "answered",
      generation: outcome.generation,
      activity: outcome.activity?.slice(0, 64) ?? null,
      verification: outcome.verification,
      keyUsed: outcome.keyUsed,
      resultCode: outcome.resultCode,
      resultMessage: outcome.resultMessage.slice(0, 1024),
      answerBody: outcome.answerBody,
      answerHeaders: outcome.answerHeaders as Prisma.InputJsonValue,
      answeredAt: now,
      latencyMs: outcome.latencyMs,
      testFlag: outcome.testFlag,
      orderId: outcome.orderId?.slice(0, 64) ?? null,
      instanceId: outcome.instanceId?.slice(0, 64) ?? null,
      error: outcome.error,
    },
  });
};
