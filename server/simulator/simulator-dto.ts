import type { SimulatorAttempt, SimulatorCallback, SimulatorSubscription } from "@/generated/prisma/client";
import { availableActions, findSimProduct, type AnswerCheck, type DecryptedCredentials, type SimGeneration, type SubscriptionStatus } from "@/lib/marketplace/koogallery/simulator";
import type { AttemptDto, CallbackDto, SubscriptionDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import type { Deps } from "@/server/deps";

export const subscriptionDto = (row: SimulatorSubscription): SubscriptionDto => {
  const product = findSimProduct(row.productKey);
  return {
    id: row.id,
    productKey: row.productKey,
    generation: row.generation as SimGeneration,
    status: row.status,
    instanceId: row.instanceId,
    licenceCode: row.licenceCode,
    customerName: row.customerName,
    orderId: row.orderId,
    skuCode: row.skuCode,
    expireAt: row.expireAt?.toISOString() ?? null,
    isTrial: row.isTrial,
    targetUrl: row.targetUrl,
    createdAt: row.createdAt.toISOString(),
    actions: product ? availableActions(product, row.status as SubscriptionStatus, row.isTrial) : [],
  };
};

const attemptDto = (row: SimulatorAttempt, showCredentials: boolean, deps: Pick<Deps, "secretBox">): AttemptDto => ({
  attempt: row.attempt,
  activity: row.activity,
  sentAt: row.sentAt.toISOString(),
  request: row.request as AttemptDto["request"],
  responseStatus: row.responseStatus,
  responseHeaders: (row.responseHeaders as Record<string, string> | null) ?? null,
  responseBody: row.responseBody,
  latencyMs: row.latencyMs,
  verdict: row.verdict as "pass" | "fail",
  resultCode: row.resultCode,
  error: row.error,
  checks: row.checks as unknown as AnswerCheck[],
  credentials:
    showCredentials && row.credentialsSealed
      ? (JSON.parse(deps.secretBox.decrypt(row.credentialsSealed, "simulator.credentials")) as DecryptedCredentials[])
      : null,
});

export const callbackDto = (
  row: SimulatorCallback & { attemptRows: SimulatorAttempt[] },
  showCredentials: boolean,
  deps: Pick<Deps, "secretBox">,
): CallbackDto => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  purpose: row.purpose,
  caseKey: row.caseKey,
  generation: row.generation as SimGeneration,
  activity: row.activity,
  targetUrl: row.targetUrl,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  deadlineAt: row.deadlineAt?.toISOString() ?? null,
  lastVerdict: row.lastVerdict,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  attemptRows: [...row.attemptRows].sort((a, b) => a.attempt - b.attempt).map((a) => attemptDto(a, showCredentials, deps)),
});
