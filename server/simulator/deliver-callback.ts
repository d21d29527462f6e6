import { randomUUID } from "node:crypto";
import { Prisma, type SimulatorCallback } from "@/generated/prisma/client";
import {
  compress,
  KIT_INTERFACES,
  keyFor,
  type KitInterface,
  MissingKeyError,
  nextRetryAt,
  POLL_INTERVAL_MS,
  POLL_WINDOW_MS,
  retryPolicyFor,
  sendCallback,
  type AnswerVerdict,
  type CallbackParams,
  type PlanEffect,
  type PlannedCallback,
  type SentCallback,
  type SimGeneration,
  type SimKeyKind,
} from "@/lib/marketplace/koogallery/simulator";
import { AppError } from "@/server/errors";
import type { SimulatorRuntime } from "@/server/simulator/simulator-runtime";

export type CallbackPurpose = "buyer" | "debug" | "dial" | "seed";
export type CallbackState = "sending" | "succeeded" | "failed" | "retrying" | "polling" | "exhausted";

export type DeliverInput = {
  callback: PlannedCallback;
  targetUrl: string;
  purpose: CallbackPurpose;
  subscriptionId?: string | null;
  caseKey?: string | null;
  dialRunId?: string | null;
  effect?: PlanEffect | null;
  /** Whether the marketplace's retries and queryInstance polling follow a failure (not for debug cases). */
  followUp: boolean;
  requireUsage?: boolean;
  /** The rest of the buyer action: sent after this callback succeeds, now or on a retry. */
  followUps?: FollowUps | null;
};

export type FollowUps = { callbacks: PlannedCallback[]; effect: PlanEffect | null };
type StoredFollowUps = { callbacks: PlannedCallback[]; effect: StoredEffect | null };

export type Delivery = { callbackId: string; state: CallbackState; verdict: AnswerVerdict; sent: SentCallback };

type StoredEffect = { status?: string; expireAt?: string | null; skuCode?: string; productId?: string; isTrial?: boolean };

const storeEffect = (effect: PlanEffect | null | undefined): StoredEffect | null =>
  effect ? { ...effect, expireAt: effect.expireAt === undefined ? undefined : (effect.expireAt?.toISOString() ?? null) } : null;

const reviveEffect = (effect: StoredEffect | null): PlanEffect | null =>
  effect
    ? {
        ...effect,
        status: effect.status as PlanEffect["status"],
        expireAt: effect.expireAt === undefined ? undefined : effect.expireAt === null ? null : new Date(effect.expireAt),
      }
    : null;

export const assertKeyConfigured = (runtime: SimulatorRuntime, keyKind: SimKeyKind) => {
  try {
    keyFor(runtime.keys, keyKind);
  } catch (error) {
    if (error instanceof MissingKeyError) {
      throw new AppError("CONFLICT", error.message, { messageKey: `simulator.errors.missingKey.${keyKind}` });
    }
    throw error;
  }
};

// One HTTP exchange, recorded whatever its outcome, with the credentials the answer carried
// sealed by the console's own key (they are a test tenant's, but still credentials).
const attempt = async (row: SimulatorCallback, callback: PlannedCallback, runtime: SimulatorRuntime, requireUsage: boolean) => {
  const { db, now, secretBox } = runtime.deps;
  const sentAt = now();
  const sent = await sendCallback({
    callback,
    targetUrl: row.targetUrl,
    keys: runtime.keys,
    transport: runtime.transport,
    now: sentAt,
    timeoutMs: runtime.timeoutMs,
    requireUsage,
  });
  const { exchange, verdict } = sent;
  const number = row.attempts + 1;
  await db.simulatorAttempt.create({
    data: {
      callbackId: row.id,
      attempt: number,
      activity: callback.activity,
      sentAt,
      request: { method: sent.request.method, url: sent.request.url, headers: sent.request.headers, body: sent.request.body },
      responseStatus: exchange.kind === "answered" ? exchange.status : null,
      responseHeaders: exchange.kind === "answered" ? exchange.headers : Prisma.DbNull,
      responseBody: exchange.kind === "answered" ? exchange.body.slice(0, 64 * 1024) : null,
      latencyMs: exchange.latencyMs,
      verdict: verdict.verdict,
      resultCode: verdict.resultCode,
      error: verdict.error,
      checks: verdict.checks.map((check) => ({ ...check })),
      credentialsSealed: verdict.credentials.length ? secretBox.encrypt(JSON.stringify(verdict.credentials), "simulator.credentials") : null,
    },
  });
  return { sent, number };
};

const pollCallbackFor = (row: SimulatorCallback, instanceId: string): PlannedCallback => ({
  generation: row.generation as SimGeneration,
  activity: "queryInstance",
  keyKind: row.keyKind as SimKeyKind,
  params: { activity: "queryInstance", instanceId, testFlag: "1" },
});

const hasInstanceInfo = (verdict: AnswerVerdict): boolean => {
  const info = verdict.answer?.info;
  if (!Array.isArray(info)) return false;
  const first = info[0] as { appInfo?: { frontEndUrl?: unknown } } | undefined;
  return typeof first?.appInfo?.frontEndUrl === "string";
};

// What a succeeded callback means for the buyer's subscription.
const applySuccess = async (row: SimulatorCallback, verdict: AnswerVerdict, runtime: SimulatorRuntime) => {
  if (!row.subscriptionId) return;
  const { db, now } = runtime.deps;
  const effect = (row.effect ?? {}) as StoredEffect;
  const answeredId = typeof verdict.answer?.instanceId === "string" ? verdict.answer.instanceId : undefined;
  await db.simulatorSubscription.update({
    where: { id: row.subscriptionId },
    data: {
      instanceId: answeredId,
      status: effect.status,
      expireAt: effect.expireAt === undefined ? undefined : effect.expireAt === null ? null : new Date(effect.expireAt),
      skuCode: effect.skuCode,
      productId: effect.productId,
      isTrial: effect.isTrial,
      updatedAt: now(),
    },
  });
};

// The marketplace gives up: a purchase or upgrade is judged failed and its order refunded (§5).
const applyExhausted = async (row: SimulatorCallback, runtime: SimulatorRuntime) => {
  const policy = retryPolicyFor(row.generation as SimGeneration, row.activity);
  if (policy.onExhausted !== "fail-order" && row.state !== "polling") return;
  const { db, now } = runtime.deps;
  const orderId = (row.params as CallbackParams).orderId;
  if (typeof orderId === "string") await db.simulatorOrder.updateMany({ where: { orderId }, data: { status: "refunded" } });
  if (row.subscriptionId && (row.activity === "newInstance" || row.activity === "getLicense")) {
    await db.simulatorSubscription.update({ where: { id: row.subscriptionId }, data: { status: "failed", updatedAt: now() } });
  }
};

/** Decides the state after an attempt and applies what it means to the subscription. */
const settle = async (row: SimulatorCallback, verdict: AnswerVerdict, number: number, runtime: SimulatorRuntime, followUp: boolean): Promise<CallbackState> => {
  const { db, now } = runtime.deps;
  const at = now();
  const compression = row.timeCompression;
  let state: CallbackState;
  let nextAttemptAt: Date | null = null;
  let deadlineAt = row.deadlineAt;
  const polling = row.state === "polling";
  if (polling) {
    if (verdict.verdict === "pass" && hasInstanceInfo(verdict)) state = "succeeded";
    else if (row.deadlineAt && at.getTime() >= row.deadlineAt.getTime()) state = "exhausted";
    else {
      state = "polling";
      nextAttemptAt = new Date(at.getTime() + compress(POLL_INTERVAL_MS, compression));
    }
  } else if (verdict.verdict === "pass") {
    if (verdict.isAsync && followUp && row.subscriptionId) {
      state = "polling";
      nextAttemptAt = new Date(at.getTime() + compress(POLL_INTERVAL_MS, compression));
      deadlineAt = new Date(row.createdAt.getTime() + compress(POLL_WINDOW_MS, compression));
    } else state = "succeeded";
  } else {
    const policy = retryPolicyFor(row.generation as SimGeneration, row.activity);
    const next = followUp ? nextRetryAt(policy, row.createdAt, number, compression) : null;
    if (next) {
      state = "retrying";
      nextAttemptAt = next;
      const last = policy.offsetsMs[policy.offsetsMs.length - 1] ?? 0;
      deadlineAt = new Date(row.createdAt.getTime() + compress(last, compression));
    } else state = followUp && number > 1 ? "exhausted" : "failed";
  }
  const updated = await db.simulatorCallback.update({
    where: { id: row.id },
    data: {
      state,
      attempts: number,
      nextAttemptAt,
      deadlineAt,
      lastVerdict: verdict.verdict,
      lastError: verdict.error,
      updatedAt: at,
    },
  });
  if (state === "succeeded" || (state === "polling" && !polling)) {
    // A purchase answered 000004 already names its instance; the status moves on only once
    // polling has found the instance's information.
    await applySuccess(state === "polling" ? { ...updated, effect: { status: "opening" } } : updated, verdict, runtime);
  }
  if (state === "exhausted" || (state === "failed" && followUp && retryPolicyFor(row.generation as SimGeneration, row.activity).onExhausted === "fail-order")) {
    await applyExhausted(row, runtime);
  }
  return state;
};

/** Sends a callback now and leaves behind whatever follow-up the marketplace would do. */
export const deliverCallback = async (input: DeliverInput, runtime: SimulatorRuntime): Promise<Delivery> => {
  assertKeyConfigured(runtime, input.callback.keyKind);
  const now = runtime.deps.now();
  const row = await runtime.deps.db.simulatorCallback.create({
    data: {
      id: randomUUID(),
      subscriptionId: input.subscriptionId ?? null,
      dialRunId: input.dialRunId ?? null,
      purpose: input.purpose,
      caseKey: input.caseKey ?? null,
      generation: input.callback.generation,
      activity: input.callback.activity,
      keyKind: input.callback.keyKind,
      params: input.callback.params,
      effect: storeEffect(input.effect) ?? Prisma.DbNull,
      followUps: input.followUps?.callbacks.length
        ? (JSON.parse(JSON.stringify({ callbacks: input.followUps.callbacks, effect: storeEffect(input.followUps.effect) } satisfies StoredFollowUps)) as Prisma.InputJsonObject)
        : Prisma.DbNull,
      targetUrl: input.targetUrl,
      state: "sending",
      timeCompression: runtime.timeCompression,
      createdAt: now,
      updatedAt: now,
    },
  });
  const { sent, number } = await attempt(row, input.callback, runtime, input.requireUsage ?? false);
  const state = await settle(row, sent.verdict, number, runtime, input.followUp);
  return { callbackId: row.id, state, verdict: sent.verdict, sent };
};

type ChainInput = Omit<DeliverInput, "callback" | "effect" | "followUps"> & { callbacks: PlannedCallback[]; effect: PlanEffect | null };

/**
 * The callbacks of one buyer action, in order: each goes out once the one before it succeeded,
 * and the action's effect rides on the last. A failure stops the chain; the failed callback keeps
 * the rest, so a success on one of the marketplace's retries sends them then (a "late success").
 */
export const deliverChain = async (input: ChainInput, runtime: SimulatorRuntime): Promise<Delivery[]> => {
  const { callbacks, effect, ...base } = input;
  const deliveries: Delivery[] = [];
  for (const [index, callback] of callbacks.entries()) {
    const rest = callbacks.slice(index + 1);
    const delivery = await deliverCallback(
      { ...base, callback, effect: rest.length === 0 ? effect : null, followUps: rest.length ? { callbacks: rest, effect } : null },
      runtime,
    );
    deliveries.push(delivery);
    if (delivery.state !== "succeeded") break;
  }
  return deliveries;
};

// After a late success: what the buyer action still had to send.
const sendFollowUps = async (row: SimulatorCallback, runtime: SimulatorRuntime) => {
  const stored = row.followUps as StoredFollowUps | null;
  if (!stored?.callbacks.length) return;
  await runtime.deps.db.simulatorCallback.update({ where: { id: row.id }, data: { followUps: Prisma.DbNull } });
  await deliverChain(
    {
      callbacks: stored.callbacks,
      effect: reviveEffect(stored.effect),
      targetUrl: row.targetUrl,
      purpose: row.purpose as CallbackPurpose,
      subscriptionId: row.subscriptionId,
      caseKey: row.caseKey,
      dialRunId: row.dialRunId,
      followUp: true,
      requireUsage: false,
    },
    runtime,
  );
};

/** One more attempt for a claimed callback (a retry, or a queryInstance poll after 000004). */
export const attemptAgain = async (row: SimulatorCallback, runtime: SimulatorRuntime): Promise<CallbackState> => {
  let callback: PlannedCallback = {
    generation: row.generation as SimGeneration,
    activity: row.activity,
    keyKind: row.keyKind as SimKeyKind,
    params: row.params as CallbackParams,
    ...((KIT_INTERFACES as readonly string[]).includes(row.activity) ? { kit: row.activity as KitInterface } : {}),
  };
  if (row.subscriptionId) {
    const subscription = await runtime.deps.db.simulatorSubscription.findUnique({ where: { id: row.subscriptionId } });
    if (row.state === "polling") {
      if (!subscription?.instanceId) return settle(row, { verdict: "fail", error: null, checks: [], resultCode: null, resultMsg: null, answer: null, isAsync: false, credentials: [] }, row.attempts, runtime, true);
      callback = pollCallbackFor(row, subscription.instanceId);
    }
  }
  if (!runtime.keys[callback.keyKind]) {
    // The key was removed since: the marketplace cannot sign either, so the callback stops here.
    await runtime.deps.db.simulatorCallback.update({ where: { id: row.id }, data: { state: "exhausted", nextAttemptAt: null, lastError: `missing ${callback.keyKind} key`, updatedAt: runtime.deps.now() } });
    return "exhausted";
  }
  const { sent, number } = await attempt(row, callback, runtime, false);
  const state = await settle(row, sent.verdict, number, runtime, true);
  if (state === "succeeded") await sendFollowUps(row, runtime);
  return state;
};
