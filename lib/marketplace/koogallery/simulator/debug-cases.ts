import type { AnswerVerdict } from "./answer-checks";
import {
  PlanError,
  planBuyerAction,
  planPurchase,
  type PlanContext,
  type PlannedCallback,
  type SubscriptionSnapshot,
} from "./buyer-actions";
import type { SimProduct } from "./catalogue";

/*
 * The 接口调测 cases a seller must save before selling (§9): 新购, 续费,
 * 过期, 释放 for 包周期 (plus 升级 and 查询), 新购 and 释放 for 按次, the
 * refresh with productId empty and filled, and with trialToFormal absent
 * and "1". One suite per product; the cases share one purchase, in order,
 * the way a seller runs them one after another on the debugging page.
 */

export const DEBUG_CASE_KEYS = [
  "new",
  "query",
  "renew",
  "renewWithoutProduct",
  "trialToFormal",
  "upgrade",
  "changeCheck",
  "expire",
  "unfreeze",
  "licence",
  "orderNotify",
  "release",
] as const;
export type DebugCaseKey = (typeof DEBUG_CASE_KEYS)[number];

export function debugCaseKeysFor(product: SimProduct): DebugCaseKey[] {
  const keys = baseCaseKeysFor(product);
  // orderNotify has its own debugging tab (§12, 接口调试 / orderNotify) for V2 products.
  if (product.generation !== "v2" || product.billing === "licenceCode") return keys;
  return [...keys.slice(0, -1), "orderNotify", ...keys.slice(-1)];
}

function baseCaseKeysFor(product: SimProduct): DebugCaseKey[] {
  switch (product.billing) {
    case "monthly":
    case "yearly":
      return [
        "new",
        "query",
        "renew",
        "renewWithoutProduct",
        "trialToFormal",
        "upgrade",
        ...(product.generation === "v2" ? (["changeCheck"] as const) : []),
        "expire",
        "unfreeze",
        "release",
      ];
    case "trial":
      return ["new", "query", "trialToFormal", "release"];
    case "oneTime":
    case "onDemandPackage":
      return ["new", "query", "release"];
    case "onDemand":
      return ["new", "query", "expire", "unfreeze", "release"];
    case "licence":
      return ["new", "release"];
    case "licenceOnline":
      return ["new", "query", "licence", "renew", "expire", "unfreeze", "release"];
    case "licenceCode":
      return ["renew", "release"];
  }
}

/** The callback a case sends; null when the case cannot run (no instance to act on). */
export function buildCaseCallback(key: DebugCaseKey, s: SubscriptionSnapshot, ctx: PlanContext): PlannedCallback | null {
  try {
    return caseCallback(key, s, ctx);
  } catch (error) {
    if (error instanceof PlanError) return null;
    throw error;
  }
}

function caseCallback(key: DebugCaseKey, s: SubscriptionSnapshot, ctx: PlanContext): PlannedCallback | null {
  const first = (callbacks: PlannedCallback[]) => callbacks[0] ?? null;
  if (key !== "new" && key !== "renew" && key !== "release" && key !== "orderNotify" && !s.instanceId && s.product.billing !== "licenceCode") return null;
  switch (key) {
    case "new":
      return first(planPurchase({ product: s.product, customerId: s.customerId, customerName: s.customerName }, ctx).plan.callbacks);
    case "query":
      return first(planBuyerAction("query", s, ctx).callbacks);
    case "renew":
      return first(planBuyerAction("renew", s, ctx).callbacks);
    case "renewWithoutProduct": {
      const callback = first(planBuyerAction("renew", s, ctx).callbacks);
      if (!callback) return null;
      // V1's debugging page sends the field empty; V2 leaves it out.
      const params = { ...callback.params };
      if (s.product.generation === "v1") params.productId = "";
      else delete params.productId;
      return { ...callback, params };
    }
    case "trialToFormal":
      return first(planBuyerAction("trialToFormal", { ...s, isTrial: true }, ctx).callbacks);
    case "upgrade":
      return first(planBuyerAction("upgrade", s, ctx).callbacks);
    case "changeCheck":
      return first(planBuyerAction("renewChange", s, ctx).callbacks);
    case "expire":
      return first(planBuyerAction("expire", s, ctx).callbacks);
    case "unfreeze": {
      const callbacks = planBuyerAction("unfreeze", { ...s, status: "frozen" }, ctx).callbacks;
      // V2 包周期 unfreezes with UNFREEZE after a renewal; the case is the status change itself.
      return callbacks[callbacks.length - 1] ?? null;
    }
    case "licence":
      return first(planBuyerAction("requestLicence", s, ctx).callbacks);
    case "orderNotify":
      return first(planBuyerAction("notifyOrder", s, ctx).callbacks);
    case "release":
      if (!s.instanceId && s.product.billing !== "licence" && s.product.billing !== "licenceCode") return null;
      return first(planBuyerAction("release", s, ctx).callbacks);
  }
}

export interface DebugCaseResult {
  productKey: string;
  caseKey: DebugCaseKey;
  activity: string;
  verdict: "pass" | "fail" | "skipped";
  error: string | null;
  resultCode: string | null;
  /** Set by the caller to find the stored exchange. */
  callbackId?: string;
}

export interface RunDebugSuiteInput {
  product: SimProduct;
  ctx: PlanContext;
  /** Only these cases are reported (the dial test replays the saved ones); the purchase always runs. */
  onlyKeys?: readonly DebugCaseKey[];
  newLicenceCode: () => string;
  send: (callback: PlannedCallback, caseKey: DebugCaseKey) => Promise<{ verdict: AnswerVerdict; callbackId?: string }>;
}

/** Runs a product's cases in order; a case whose purchase failed is reported skipped, never passed. */
export async function runDebugSuite(input: RunDebugSuiteInput): Promise<DebugCaseResult[]> {
  const { product, ctx } = input;
  const purchase = planPurchase({ product, customerId: "debug-customer", customerName: "接口调测" }, ctx);
  let snapshot: SubscriptionSnapshot = {
    ...purchase.snapshot,
    status: "active",
    licenceCode: product.billing === "licenceCode" ? input.newLicenceCode() : null,
  };
  const results: DebugCaseResult[] = [];
  const wanted = input.onlyKeys ? new Set(input.onlyKeys) : null;
  for (const caseKey of debugCaseKeysFor(product)) {
    if (wanted && !wanted.has(caseKey) && caseKey !== "new") continue;
    const callback = caseKey === "new" ? (purchase.plan.callbacks[0] ?? null) : buildCaseCallback(caseKey, snapshot, ctx);
    if (!callback) {
      results.push({ productKey: product.key, caseKey, activity: "-", verdict: "skipped", error: null, resultCode: null });
      continue;
    }
    const { verdict, callbackId } = await input.send(callback, caseKey);
    if (caseKey === "new" && verdict.verdict === "pass") {
      const instanceId = verdict.answer?.instanceId;
      snapshot = { ...snapshot, instanceId: typeof instanceId === "string" ? instanceId : null };
    }
    if (wanted && !wanted.has(caseKey)) continue;
    results.push({
      productKey: product.key,
      caseKey,
      activity: callback.activity,
      verdict: verdict.verdict,
      error: verdict.error,
      resultCode: verdict.resultCode,
      callbackId,
    });
  }
  return results;
}
