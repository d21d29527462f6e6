import type { Instance } from "@/generated/prisma/client";
import {
  buildNewInstanceAnswer,
  buildResultAnswer,
  encryptAppInfo,
  type AppInfo,
  type EncryptType,
  type UsageInfo,
} from "@/lib/marketplace/koogallery";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";

export const encryptTypeOf = (instance: Pick<Instance, "encryptType">): EncryptType => (instance.encryptType === "2" ? "2" : "1");

// Credentials are kept sealed by the console's own key; for each answer they are opened and
// encrypted again the marketplace's way, under the key that verified this request.
export const appInfoFor = (
  instance: Pick<Instance, "frontEndUrl" | "adminUrl" | "userNameSealed" | "passwordSealed" | "memo" | "encryptType">,
  ctx: Pick<CallbackContext, "answerKey" | "deps">,
): { ok: true; appInfo: AppInfo; encryptType?: EncryptType } | { ok: false; message: string } => {
  if (!instance.frontEndUrl) return { ok: false, message: "the instance has no front-end URL yet" };
  const userName = instance.userNameSealed ? ctx.deps.secretBox.decrypt(instance.userNameSealed, "instance.userName") : undefined;
  const password = instance.passwordSealed ? ctx.deps.secretBox.decrypt(instance.passwordSealed, "instance.password") : undefined;
  const plain = {
    frontEndUrl: instance.frontEndUrl,
    adminUrl: instance.adminUrl ?? undefined,
    userName,
    password,
    memo: instance.memo ?? undefined,
  };
  if (userName === undefined && password === undefined) return { ok: true, appInfo: plain as AppInfo };
  const encrypted = encryptAppInfo(plain, ctx.answerKey, { encryptType: encryptTypeOf(instance) });
  return encrypted.ok ? { ok: true, appInfo: encrypted.appInfo, encryptType: encrypted.encryptType } : encrypted;
};

export const usageInfoFor = (instance: Pick<Instance, "chargingMode" | "usageValue" | "usageAt">, now: Date): UsageInfo[] | undefined => {
  // The marketplace requires usage for on-demand and on-demand-package instances (§3.1).
  if (instance.chargingMode !== "ON_DEMAND" && instance.chargingMode !== "ON_DEMAND_PKG") return undefined;
  return [{ usageValue: instance.usageValue ? Number(instance.usageValue.toFixed(4)) : 0, statisticalTime: instance.usageAt ?? now }];
};

export const newInstanceAnswerFor = (instance: Instance, ctx: CallbackContext): HandlerResult => {
  const base = { orderId: instance.orderId, instanceId: instance.instanceId };
  if (instance.status === "failed") {
    return { ...base, answer: buildResultAnswer("000005", "provisioning the tenant failed; the seller has been alerted") };
  }
  if (instance.status === "provisioning") {
    // V2 may answer "in progress" and be polled; V1 has no such code, so it gets the instance id
    // and front-end URL now and the credentials through queryInstance later.
    if (ctx.generation === "v2") {
      return { ...base, answer: buildNewInstanceAnswer({ instanceId: instance.instanceId, resultCode: "000004" }) };
    }
    return {
      ...base,
      answer: buildNewInstanceAnswer({ instanceId: instance.instanceId, appInfo: { frontEndUrl: instance.frontEndUrl ?? ctx.config.defaultFrontEndUrl } }),
    };
  }
  const info = appInfoFor(instance, ctx);
  if (!info.ok) return { ...base, answer: buildResultAnswer("000005", info.message) };
  return { ...base, answer: buildNewInstanceAnswer({ instanceId: instance.instanceId, appInfo: info.appInfo, encryptType: info.encryptType }) };
};
