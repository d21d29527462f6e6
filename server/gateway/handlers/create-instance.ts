import { randomUUID } from "node:crypto";
import { instanceDedupeKey, type CreateInstanceCommand } from "@/domain/callbacks/callback-command";
import type { Instance } from "@/generated/prisma/client";
import { enqueueLifecycleEvent } from "@/server/fulfilment/enqueue-lifecycle-event";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { newInstanceAnswerFor } from "@/server/gateway/instance-answers";
import { recordOrderFacts } from "@/server/gateway/order-repository";
import { ensureProduct } from "@/server/gateway/product-repository";

const POLL_MS = 50;

const waitWhileProvisioning = async (instanceId: string, budgetMs: number, ctx: CallbackContext): Promise<Instance | null> => {
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const instance = await ctx.deps.db.instance.findUnique({ where: { instanceId } });
    if (instance && instance.status !== "provisioning") return instance;
  }
  return null;
};

export const handleCreateInstance = async (command: CreateInstanceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  const product = command.productCode
    ? await ensureProduct({ productCode: command.productCode, skuCode: command.skuCode, chargingMode: command.chargingMode }, ctx.config, ctx.deps)
    : null;
  // Debug traffic (接口调测, 拨测) is answered like real traffic but never provisioned for real.
  const mode = ctx.testFlag ? "none" : (product?.provisioningMode ?? ctx.config.defaultProvisioningMode);
  const dedupeKey = instanceDedupeKey(ctx.generation, command);

  await recordOrderFacts(
    {
      orderId: command.orderId,
      orderLineId: command.orderLineId,
      orderType: command.isTrial ? "TRIAL" : "NEW",
      customerId: command.customerId,
      customerName: command.customerName,
      chargingMode: command.chargingMode,
      periodType: command.periodType,
      periodNumber: command.periodNumber,
      amount: command.amount,
      productCode: command.productCode,
      skuCode: command.skuCode,
      expireAt: command.expireAt,
      testFlag: ctx.testFlag,
    },
    now,
    db,
  );

  const instanceId = randomUUID().replaceAll("-", "");
  // The unique dedupe_key makes this insert the single point of truth: of any number of
  // identical requests, in any number of processes, exactly one creates the instance. Its
  // "created" event commits with it: written after, a crash in between would leave an instance
  // whose retries (finding it there) never record how it came to be.
  // createManyAndReturn hands back the inserted row (none for a duplicate), so neither the
  // lifecycle enqueue nor the answer needs to read it again: two round trips fewer per new order.
  const inserted = await db.$transaction(async (tx) => {
    const [row] = await tx.instance.createManyAndReturn({
      data: [
        {
          id: randomUUID(),
          instanceId,
          dedupeKey,
          generation: ctx.generation,
          orderId: command.orderId,
          orderLineId: command.orderLineId ?? null,
          productCode: command.productCode ?? null,
          skuCode: command.skuCode ?? null,
          customerId: command.customerId ?? null,
          customerName: command.customerName ?? null,
          chargingMode: command.chargingMode ?? null,
          status: mode === "none" ? "active" : "provisioning",
          isTrial: command.isTrial,
          testFlag: ctx.testFlag,
          expireAt: command.expireAt ?? null,
          frontEndUrl: product?.frontEndUrl ?? ctx.config.defaultFrontEndUrl,
          adminUrl: product?.adminUrl ?? null,
          encryptType: product?.encryptType ?? "1",
          provisionedAt: mode === "none" ? now : null,
          createdAt: now,
          updatedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (row) {
      await tx.instanceEvent.create({
        data: {
          instanceId,
          kind: "created",
          orderId: command.orderId,
          inboundRequestId: ctx.inboundRequestId,
          details: { provisioningMode: mode, businessId: command.businessId, trial: command.isTrial },
          occurredAt: now,
        },
      });
      // The delivery to the SaaS (or the operator's to-do) commits with the instance: no instance
      // is ever left provisioning with nobody told to provision it.
      await enqueueLifecycleEvent(
        { type: "instance.created", product, defaultMode: mode, instance: row, orderId: command.orderId, testFlag: ctx.testFlag, inboundRequestId: ctx.inboundRequestId },
        tx,
        now,
      );
    }
    return row ?? null;
  });
  // A duplicate (this or another process created it first) answers with the instance as it is now.
  let instance = inserted ?? (await db.instance.findUniqueOrThrow({ where: { dedupeKey } }));
  // Only automatic provisioning can finish within the budget; an operator completing a manual
  // one never will, so waiting would only spend the marketplace's 5 s for nothing.
  if (instance.status === "provisioning" && inserted && mode === "webhook") {
    instance = (await waitWhileProvisioning(instance.instanceId, product?.syncBudgetMs ?? 3000, ctx)) ?? instance;
  }
  return newInstanceAnswerFor(instance, ctx);
};
