import { DEFAULT_RETRY_SCHEDULE_SECONDS, nextRetry, parseRetrySchedule } from "@/domain/fulfilment/retry-policy";
import { provisioningResultSchema } from "@/domain/fulfilment/lifecycle-events";
import type { Delivery } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";
import { openWebhookSecret } from "@/server/fulfilment/product-webhook-secret";
import { sendWebhook } from "@/server/fulfilment/send-webhook";
import { completeInstanceProvisioning } from "@/server/gateway/complete-instance-provisioning";
import { readSettingValue } from "@/server/settings/settings-repository";

type Attempt = { ok: true; statusCode: number; body: string; latencyMs: number } | { ok: false; statusCode: number | null; error: string; body: string | null; latencyMs: number };

const retrySchedule = async (deps: Pick<Deps, "db" | "secretBox">): Promise<readonly number[]> =>
  parseRetrySchedule((await readSettingValue("fulfilment.retryScheduleSeconds", deps)) ?? "") ?? DEFAULT_RETRY_SCHEDULE_SECONDS;

const attemptWebhook = async (delivery: Delivery, deps: Deps): Promise<Attempt> => {
  const product = delivery.productCode ? await deps.db.product.findUnique({ where: { productCode: delivery.productCode } }) : null;
  if (!product?.webhookUrl || !product.webhookSecretSealed) {
    return { ok: false, statusCode: null, error: "the product has no webhook URL and secret configured", body: null, latencyMs: 0 };
  }
  const sent = await sendWebhook({
    url: product.webhookUrl,
    secret: openWebhookSecret(product.productCode, product.webhookSecretSealed, deps),
    messageId: `msg_${delivery.id.replaceAll("-", "")}`,
    body: JSON.stringify(delivery.payload),
    timeoutMs: product.webhookTimeoutMs,
    now: deps.now(),
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

// One attempt of one claimed delivery. Every write is conditional on still holding the lease:
// a worker that was too slow (and whose delivery was re-claimed) changes nothing.
export const processDelivery = async (delivery: Delivery, workerId: string, deps: Deps, random: () => number = Math.random) => {
  const startedAt = deps.now();
  await deps.db.deliveryAttempt.updateMany({
    where: { deliveryId: delivery.id, finishedAt: null },
    data: { finishedAt: startedAt, outcome: "lost", error: "the worker stopped before finishing; its lease expired" },
  });
  const attemptRow = await deps.db.deliveryAttempt.create({
    data: { deliveryId: delivery.id, attemptNo: delivery.attempts, workerId, startedAt, outcome: "in_flight" },
  });
  const attempt = await attemptWebhook(delivery, deps);
  const finishedAt = deps.now();
  const mine = { id: delivery.id, lockedBy: workerId, status: "processing" };

  if (attempt.ok) {
    await deps.db.$transaction([
      deps.db.delivery.updateMany({
        where: mine,
        data: { status: "succeeded", completedAt: finishedAt, lastStatusCode: attempt.statusCode, lastError: null, leaseExpiresAt: null, lockedBy: null, updatedAt: finishedAt },
      }),
      deps.db.deliveryAttempt.update({
        where: { id: attemptRow.id },
        data: { finishedAt, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs, outcome: "succeeded", responseExcerpt: attempt.body.slice(0, 2048) },
      }),
    ]);
    return "succeeded" as const;
  }

  const decision = nextRetry(delivery.roundAttempts, await retrySchedule(deps), random);
  const dead = !decision.retry;
  await deps.db.$transaction([
    deps.db.delivery.updateMany({
      where: mine,
      data: {
        status: dead ? "dead" : "pending",
        nextAttemptAt: decision.retry ? new Date(finishedAt.getTime() + decision.delayMs) : undefined,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error.slice(0, 2000),
        leaseExpiresAt: null,
        lockedBy: null,
        updatedAt: finishedAt,
      },
    }),
    deps.db.deliveryAttempt.update({
      where: { id: attemptRow.id },
      data: { finishedAt, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs, outcome: "failed", error: attempt.error.slice(0, 2000), responseExcerpt: attempt.body?.slice(0, 2048) ?? null },
    }),
    ...(dead && delivery.eventType === "instance.created" && delivery.instanceId
      ? [deps.db.instance.updateMany({ where: { instanceId: delivery.instanceId, status: "provisioning" }, data: { status: "failed", updatedAt: finishedAt } })]
      : []),
  ]);
  return dead ? ("dead" as const) : ("retry" as const);
};
