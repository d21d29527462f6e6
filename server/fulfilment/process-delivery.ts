import { Webhook } from "standardwebhooks";
import { DEFAULT_RETRY_SCHEDULE_SECONDS, nextRetry, parseRetrySchedule } from "@/domain/fulfilment/retry-policy";
import { provisioningResultSchema } from "@/domain/fulfilment/lifecycle-events";
import type { AllowList } from "@/domain/fulfilment/webhook-target";
import type { Deps } from "@/server/deps";
import type { ClaimedDelivery } from "@/server/fulfilment/claim-deliveries";
import { openWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { sendWebhook, type WebhookOutcome } from "@/server/fulfilment/send-webhook";
import { completeInstanceProvisioning } from "@/server/gateway/complete-instance-provisioning";
import { outcomeRecorder } from "@/server/fulfilment/record-outcomes";
import { readSettingValue } from "@/server/settings/settings-repository";

type Target = { url: string; signer: Webhook; timeoutMs: number } | { error: string };

// What every delivery of one batch shares, read once per batch rather than once per delivery:
// the products' endpoints (with their secrets opened) and, only if something failed, the retry
// schedule.
export type BatchContext = {
  target: (productCode: string | null) => Target;
  retrySchedule: () => Promise<readonly number[]>;
  allowList: AllowList;
};

export const loadBatchContext = async (deliveries: readonly ClaimedDelivery[], allowList: AllowList, deps: Pick<Deps, "db" | "secretBox">): Promise<BatchContext> => {
  const codes = [...new Set(deliveries.map((delivery) => delivery.productCode).filter((code): code is string => code !== null))];
  const products = codes.length
    ? await deps.db.product.findMany({
        where: { productCode: { in: codes } },
        select: { productCode: true, webhookUrl: true, webhookSecretSealed: true, webhookTimeoutMs: true },
      })
    : [];
  const targets = new Map<string, Target>();
  for (const product of products) {
    if (!product.webhookUrl || !product.webhookSecretSealed) continue;
    try {
      const signer = new Webhook(openWebhookSecret(product.productCode, product.webhookSecretSealed, deps));
      targets.set(product.productCode, { url: product.webhookUrl, signer, timeoutMs: product.webhookTimeoutMs });
    } catch (error) {
      targets.set(product.productCode, { error: `the product's webhook secret cannot be used: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  let schedule: Promise<readonly number[]> | undefined;
  return {
    target: (code) => (code && targets.get(code)) || { error: "the product has no webhook URL and secret configured" },
    retrySchedule: () =>
      (schedule ??= readSettingValue("fulfilment.retryScheduleSeconds", deps).then((value) => parseRetrySchedule(value ?? "") ?? DEFAULT_RETRY_SCHEDULE_SECONDS)),
    allowList,
  };
};

const attemptWebhook = async (delivery: ClaimedDelivery, context: BatchContext, deps: Deps): Promise<WebhookOutcome> => {
  const target = context.target(delivery.productCode);
  if ("error" in target) return { ok: false, statusCode: null, error: target.error, body: null, latencyMs: 0 };
  const sent = await sendWebhook({
    url: target.url,
    secret: target.signer,
    messageId: `msg_${delivery.id.replaceAll("-", "")}`,
    body: JSON.stringify(delivery.payload),
    timeoutMs: target.timeoutMs,
    now: deps.now(),
    allowList: context.allowList,
  });
  if (!sent.ok || delivery.eventType !== "instance.created" || !delivery.instanceId) return sent;
  // The SaaS's answer to instance.created is the tenant: it must say how the buyer gets in.
  let parsed: unknown;
  try {
    parsed = JSON.parse(sent.body);
  } catch {
    return { ...sent, ok: false, error: "the endpoint answered 2xx but not with JSON (expected frontEndUrl, userName, password…)" };
  }
  const result = provisioningResultSchema.safeParse(parsed);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    return { ...sent, ok: false, error: `the endpoint's answer is not a valid provisioning result (${detail})` };
  }
  try {
    await completeInstanceProvisioning(delivery.instanceId, result.data, deps);
  } catch (error) {
    return { ...sent, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return sent;
};

// One attempt of one claimed delivery (its attempt row was opened by the claim); the outcome is
// recorded with those of other deliveries finishing at the same time (see record-outcomes.ts).
export const processDelivery = async (delivery: ClaimedDelivery, workerId: string, context: BatchContext, deps: Deps, random: () => number = Math.random) => {
  const attempt = await attemptWebhook(delivery, context, deps);
  const record = outcomeRecorder(deps.db);
  const common = { deliveryId: delivery.id, attemptId: delivery.attemptId, workerId, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs };
  if (attempt.ok) {
    await record({ ...common, status: "succeeded", nextAttemptAt: null, error: null, responseExcerpt: attempt.body.slice(0, 2048), failInstance: false, finishedAt: deps.now() });
    return "succeeded" as const;
  }
  const decision = nextRetry(delivery.roundAttempts, await context.retrySchedule(), random);
  const finishedAt = deps.now();
  const dead = !decision.retry;
  await record({
    ...common,
    status: dead ? "dead" : "pending",
    nextAttemptAt: decision.retry ? new Date(finishedAt.getTime() + decision.delayMs) : null,
    error: attempt.error.slice(0, 2000),
    responseExcerpt: attempt.body?.slice(0, 2048) ?? null,
    failInstance: dead && delivery.eventType === "instance.created" && delivery.instanceId !== null,
    finishedAt,
  });
  return dead ? ("dead" as const) : ("retry" as const);
};
