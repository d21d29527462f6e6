import { randomUUID } from "node:crypto";
import type {
  GetLicenceAsyncCommand,
  GetLicenceCommand,
  RefreshLicenceCodeCommand,
  ReleaseLicenceCodeCommand,
  ReleaseLicenceCommand,
  UpdateLicenceCodeStatusCommand,
} from "@/domain/callbacks/callback-command";
import { buildLicenseAnswer, buildResultAnswer, issueLicence, parseLicenseTime } from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { findInstanceOr000003, recordInstanceEvent } from "@/server/gateway/handlers/instance-lookup";
import { getLicenceSigningKey } from "@/server/gateway/licence-signing-key";
import { recordOrderFacts } from "@/server/gateway/order-repository";
import { ensureProduct } from "@/server/gateway/product-repository";

// V1 getLicense: the same order always gets the same licence back (§4), whoever asks first.
export const handleGetLicence = async (command: GetLicenceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  const existing = await db.licence.findUnique({ where: { orderId: command.orderId } });
  if (existing) {
    return { orderId: command.orderId, instanceId: existing.instanceId ?? undefined, answer: buildLicenseAnswer({ license: existing.licence, instanceId: existing.instanceId ?? undefined }) };
  }
  if (command.productCode) await ensureProduct({ productCode: command.productCode, skuCode: command.skuCode }, ctx.config, ctx.deps);
  await recordOrderFacts(
    { orderId: command.orderId, orderType: "NEW", customerId: command.customerId, customerName: command.customerName, productCode: command.productCode, skuCode: command.skuCode, testFlag: ctx.testFlag },
    now,
    db,
  );
  const key = await getLicenceSigningKey(ctx.deps);
  const instanceId = `lic${randomUUID().replaceAll("-", "")}`;
  const issued = issueLicence(
    {
      orderId: command.orderId,
      instanceId,
      customer: { id: command.customerId, name: command.customerName },
      sku: { skuCode: command.skuCode, productId: command.productCode },
      issuedAt: now,
      test: ctx.testFlag,
    },
    key.privateKeyPem,
  );
  await db.licence.createMany({
    data: [{ id: randomUUID(), orderId: command.orderId, instanceId, licence: issued.licence, createdAt: now }],
    skipDuplicates: true,
  });
  const stored = await db.licence.findUniqueOrThrow({ where: { orderId: command.orderId } });
  return { orderId: command.orderId, instanceId: stored.instanceId ?? undefined, answer: buildLicenseAnswer({ license: stored.licence, instanceId: stored.instanceId ?? undefined }) };
};

export const handleReleaseLicence = async (command: ReleaseLicenceCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const licence = await ctx.deps.db.licence.findUnique({ where: { orderId: command.orderId } });
  if (!licence) return { orderId: command.orderId, answer: buildResultAnswer("000003", `no licence was issued for order ${command.orderId}`) };
  await ctx.deps.db.licence.updateMany({ where: { orderId: command.orderId, releasedAt: null }, data: { releasedAt: ctx.deps.now() } });
  return { orderId: command.orderId, instanceId: licence.instanceId ?? undefined, answer: buildResultAnswer("000000") };
};

// V2 在线开通License: the licence is requested for an existing instance and delivered asynchronously.
export const handleGetLicenceAsync = async (command: GetLicenceAsyncCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  const found = await findInstanceOr000003(command.instanceId, ctx);
  if ("missing" in found) return found.missing;
  const { instance } = found;
  const base = { instanceId: instance.instanceId, orderId: instance.orderId };
  if (instance.status === "released") return { ...base, answer: buildResultAnswer("000901", "the instance's order is no longer in effect") };
  const effective = parseLicenseTime(command.effectiveTime);
  if (!effective.ok) return { ...base, answer: buildResultAnswer("000002", effective.message) };
  let expireAt: Date | undefined;
  if (command.expireTime) {
    const parsed = parseLicenseTime(command.expireTime, "expireTime");
    if (!parsed.ok) return { ...base, answer: buildResultAnswer("000002", parsed.message) };
    expireAt = parsed.date;
    // issueLicence refuses such a window by throwing; it is the marketplace's parameter that is wrong.
    if (expireAt.getTime() <= effective.date.getTime()) return { ...base, answer: buildResultAnswer("000002", "expireTime must be after effectiveTime") };
  } else if (instance.chargingMode === "PERIOD") {
    return { ...base, answer: buildResultAnswer("000902") };
  }
  if (instance.expireAt && effective.date.getTime() > instance.expireAt.getTime()) {
    return { ...base, answer: buildResultAnswer("000901") };
  }
  const existing = await ctx.deps.db.licence.findUnique({ where: { orderId: instance.orderId } });
  if (!existing) {
    const key = await getLicenceSigningKey(ctx.deps);
    const issued = issueLicence(
      {
        orderId: instance.orderId,
        orderLineId: instance.orderLineId ?? undefined,
        instanceId: instance.instanceId,
        customer: { id: instance.customerId ?? "unknown" },
        sku: { skuCode: instance.skuCode ?? undefined, productId: instance.productCode ?? undefined },
        issuedAt: effective.date,
        expireTime: expireAt,
        deviceFingerprint: command.deviceFingerprint,
        test: ctx.testFlag,
      },
      key.privateKeyPem,
    );
    await ctx.deps.db.licence.createMany({
      data: [{ id: randomUUID(), orderId: instance.orderId, instanceId: instance.instanceId, licence: issued.licence, expireAt: expireAt ?? null, createdAt: ctx.deps.now() }],
      skipDuplicates: true,
    });
    await recordInstanceEvent(ctx, { instanceId: instance.instanceId, kind: "licence_issued", details: { eventId: command.eventId } });
  }
  return { ...base, answer: buildResultAnswer("000000") };
};

const upsertLicenceCode = async (
  code: string,
  data: { orderId?: string; orderLineId?: string; productCode?: string; status?: string; expireAt?: Date; releasedAt?: Date },
  ctx: CallbackContext,
) => {
  const now = ctx.deps.now();
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const created = await ctx.deps.db.licenceCode.createMany({
    data: [{ id: randomUUID(), code, testFlag: ctx.testFlag, createdAt: now, updatedAt: now, ...defined }],
    skipDuplicates: true,
  });
  if (created.count === 0) await ctx.deps.db.licenceCode.update({ where: { code }, data: { ...defined, updatedAt: now } });
};

export const handleRefreshLicenceCode = async (command: RefreshLicenceCodeCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  await recordOrderFacts(
    { orderId: command.orderId, orderLineId: command.orderLineId, orderType: command.scene === "RENEWAL" ? "RENEW" : "UNSUBSCRIBE", productCode: command.productCode, testFlag: ctx.testFlag },
    ctx.deps.now(),
    ctx.deps.db,
  );
  await upsertLicenceCode(command.code, { orderId: command.orderId, orderLineId: command.orderLineId, productCode: command.productCode, expireAt: command.expireAt }, ctx);
  return { orderId: command.orderId, answer: buildResultAnswer("000000") };
};

export const handleUpdateLicenceCodeStatus = async (command: UpdateLicenceCodeStatusCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  await upsertLicenceCode(command.code, { status: command.status.toUpperCase(), orderId: command.orderId }, ctx);
  return { orderId: command.orderId, answer: buildResultAnswer("000000") };
};

export const handleReleaseLicenceCode = async (command: ReleaseLicenceCodeCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  // A repeated or unknown release succeeds: there is nothing left to keep (§4).
  await upsertLicenceCode(command.code, { status: "RELEASED", releasedAt: ctx.deps.now(), orderId: command.orderId }, ctx);
  return { orderId: command.orderId, answer: buildResultAnswer("000000") };
};
