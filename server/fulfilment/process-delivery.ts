import { Webhook } from "standardwebhooks";
import { DEFAULT_RETRY_SCHEDULE_SECONDS, nextRetry, parseRetrySchedule } from "@/domain/fulfilment/retry-policy";
import { provisioningResultSchema } from "@/domain/fulfilment/lifecycle-events";
import type { AllowList } from "@/domain/fulfilment/webhook-target";
import type { Deps } from "@/server/deps";
import type { ClaimedDelivery } from "@/server/fulfilment/claim-deliveries";
import { openWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { sendWebhook, type WebhookOutcome } from "@/server/fulfilment/send-webhook";
import { completeInstanceProvisioning } from "@/server/gateway/complete-instance-provisioning";
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

// One attempt of one claimed delivery (its attempt row was opened by the claim). The outcome is
// recorded in one statement: the delivery's row only while this worker still holds its lease
// (a worker that was too slow, whose delivery was re-claimed, changes nothing of it), and the
// attempt row in any case, as the record of what this attempt saw.
export const processDelivery = async (delivery: ClaimedDelivery, workerId: string, context: BatchContext, deps: Deps, random: () => number = Math.random) => {
  const attempt = await attemptWebhook(delivery, context, deps);
  const finishedAt = deps.now();

  if (attempt.ok) {
    await deps.db.$executeRaw`
      WITH done AS (
        UPDATE deliveries
        SET status = 'succeeded', completed_at = ${finishedAt}, last_status_code = ${attempt.statusCode}, last_error = NULL,
            lease_expires_at = NULL, locked_by = NULL, updated_at = ${finishedAt}
        WHERE id = ${delivery.id}::uuid AND locked_by = ${workerId} AND status = 'processing'
      )
      UPDATE delivery_attempts
      SET finished_at = ${finishedAt}, status_code = ${attempt.statusCode}, latency_ms = ${attempt.latencyMs}, outcome = 'succeeded',
          response_excerpt = ${attempt.body.slice(0, 2048)}
      WHERE id = ${delivery.attemptId}`;
    return "succeeded" as const;
  }

  const decision = nextRetry(delivery.roundAttempts, await context.retrySchedule(), random);
  const dead = !decision.retry;
  const nextAttemptAt = decision.retry ? new Date(finishedAt.getTime() + decision.delayMs) : null;
  const error = attempt.error.slice(0, 2000);
  // A new purchase that will not be provisioned any more: its instance is failed.
  const failInstance = dead && delivery.eventType === "instance.created" && delivery.instanceId !== null;
  await deps.db.$executeRaw`
    WITH done AS (
      UPDATE deliveries
      SET status = ${dead ? "dead" : "pending"}, next_attempt_at = COALESCE(${nextAttemptAt}::timestamptz, next_attempt_at),
          last_status_code = ${attempt.statusCode}::integer, last_error = ${error}, lease_expires_at = NULL, locked_by = NULL, updated_at = ${finishedAt}
      WHERE id = ${delivery.id}::uuid AND locked_by = ${workerId} AND status = 'processing'
      RETURNING id
    ), failed AS (
      UPDATE instances SET status = 'failed', updated_at = ${finishedAt}
      WHERE ${failInstance}::boolean AND instance_id = ${delivery.instanceId} AND status = 'provisioning' AND EXISTS (SELECT 1 FROM done)
    )
    UPDATE delivery_attempts
    SET finished_at = ${finishedAt}, status_code = ${attempt.statusCode}::integer, latency_ms = ${attempt.latencyMs}, outcome = 'failed',
        error = ${error}, response_excerpt = ${attempt.body?.slice(0, 2048) ?? null}
    WHERE id = ${delivery.attemptId}`;
  return dead ? ("dead" as const) : ("retry" as const);
};
