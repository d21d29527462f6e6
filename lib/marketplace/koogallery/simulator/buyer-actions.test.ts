import { describe, expect, it } from "vitest";
import { parseExpireTime } from "../time-formats";
import { PlanError, planBuyerAction, planPurchase, type PlanContext, type SubscriptionSnapshot } from "./buyer-actions";
import { availableActions, findSimProduct, type SimProduct } from "./catalogue";

const product = (key: string): SimProduct => {
  const found = findSimProduct(key);
  if (!found) throw new Error(key);
  return found;
};

const context = (): PlanContext => {
  let n = 0;
  return { now: new Date("2026-11-28T08:00:00Z"), newOrderId: () => `CSTEST${++n}`, newBusinessId: () => `biz-${n}` };
};

const bought = (key: string, ctx = context()): SubscriptionSnapshot => ({
  ...planPurchase({ product: product(key), customerId: "c-1", customerName: "客户" }, ctx).snapshot,
  status: "active",
  instanceId: "inst-1",
});

describe("what the marketplace sends for each buyer action (§3, §8)", () => {
  it("V1 monthly purchase: newInstance with the customer, spec, period, expiry and testFlag", () => {
    const { plan, snapshot } = planPurchase({ product: product("hr-monthly-v1"), customerId: "c-1", customerName: "客户" }, context());
    expect(plan.callbacks).toHaveLength(1);
    const params = plan.callbacks[0]!.params;
    expect(params).toMatchObject({
      activity: "newInstance",
      customerId: "c-1",
      orderId: "CSTEST1",
      productId: "00301-SIMHRM1-0--0",
      chargingMode: "1",
      periodType: "month",
      periodNumber: "1",
      orderAmount: "99.00",
      expireTime: "20261228080000",
      testFlag: "1",
    });
    expect(params).not.toHaveProperty("trialFlag");
    expect(snapshot.expireAt?.toISOString()).toBe("2026-12-28T08:00:00.000Z");
    expect(plan.orders[0]).toMatchObject({ orderType: "NEW", amount: "99.00" });
  });

  it("V2 purchase carries only the order ids (the seller queries the order for the rest)", () => {
    const { plan } = planPurchase({ product: product("crm-monthly-v2"), customerId: "c-1", customerName: "客户" }, context());
    expect(Object.keys(plan.callbacks[0]!.params).sort()).toEqual(["activity", "businessId", "orderId", "orderLineId", "testFlag"]);
    expect(plan.callbacks[0]!.params.orderLineId).toBe("CSTEST1-000001");
    expect(plan.callbacks[0]!.keyKind).toBe("basic");
  });

  it("trials are flagged (V1 trialFlag, order type TRIAL) and convert with trialToFormal", () => {
    const { plan } = planPurchase({ product: product("hr-trial-v1"), customerId: "c", customerName: "n" }, context());
    expect(plan.callbacks[0]!.params.trialFlag).toBe("1");
    expect(plan.orders[0]!.orderType).toBe("TRIAL");
    const s = { ...bought("hr-trial-v1"), isTrial: true };
    expect(availableActions(s.product, "active", true)).toContain("trialToFormal");
    const conversion = planBuyerAction("trialToFormal", s, context());
    expect(conversion.callbacks[0]!.params).toMatchObject({ activity: "refreshInstance", trialToFormal: "1", instanceId: "inst-1" });
    expect(conversion.orders[0]!.orderType).toBe("TRIAL_TO_FORMAL");
    const v2 = planBuyerAction("trialToFormal", { ...bought("crm-trial-v2"), isTrial: true }, context());
    expect(v2.callbacks[0]!.params.scene).toBe("TRIAL_TO_FORMAL");
  });

  it("a renewal with a spec change asks changeInstanceCheck first, then refreshes with the new product", () => {
    const plan = planBuyerAction("renewChange", bought("crm-monthly-v2"), context());
    expect(plan.callbacks.map((c) => c.activity)).toEqual(["changeInstanceCheck", "refreshInstance"]);
    expect(plan.callbacks[0]!.params.productInfo).toEqual({ productId: "00301-SIMCRMM2-0--0", skuCode: "SIM-CRMM-PRO" });
    expect(plan.callbacks[1]!.params).toMatchObject({ scene: "RENEWAL_CHANGE", productId: "00301-SIMCRMM2-0--0" });
    expect(() => planBuyerAction("renewChange", bought("hr-monthly-v1"), context())).toThrow(PlanError);
  });

  it("renewal extends from the current expiry", () => {
    const s = bought("crm-yearly-v2");
    const plan = planBuyerAction("renew", s, context());
    const expire = parseExpireTime(plan.callbacks[0]!.params.expireTime);
    expect(expire.ok && expire.date.toISOString()).toBe("2028-11-28T08:00:00.000Z");
    expect(plan.callbacks[0]!.params.scene).toBe("RENEWAL");
  });

  it("expiry and unfreezing by generation and billing mode", () => {
    const activities = (key: string, action: "expire" | "unfreeze") => planBuyerAction(action, bought(key), context()).callbacks.map((c) => [c.activity, c.params.status ?? c.params.instanceStatus ?? null]);
    expect(activities("hr-monthly-v1", "expire")).toEqual([["expireInstance", null]]);
    expect(activities("crm-monthly-v2", "expire")).toEqual([["updateInstanceStatus", "FREEZE"]]);
    expect(activities("api-ondemand-v1", "expire")).toEqual([["instanceStatus", "FREEZE"]]);
    expect(activities("api-ondemand-v1", "unfreeze")).toEqual([["instanceStatus", "NORMAL"]]);
    expect(activities("crm-monthly-v2", "unfreeze")).toEqual([["refreshInstance", null], ["updateInstanceStatus", "UNFREEZE"]]);
    expect(activities("hr-monthly-v1", "unfreeze")).toEqual([["refreshInstance", null]]);
  });

  it("release names the original order; unsubscribe a new refund order", () => {
    const s = bought("hr-monthly-v1");
    expect(planBuyerAction("release", s, context()).callbacks[0]!.params).toMatchObject({ activity: "releaseInstance", orderId: s.orderId });
    const unsubscribe = planBuyerAction("unsubscribe", s, context());
    expect(unsubscribe.orders[0]).toMatchObject({ orderType: "UNSUBSCRIBE", amount: "99.00" });
    expect(unsubscribe.callbacks[0]!.params).toMatchObject({ orderId: unsubscribe.orders[0]!.orderId, orderAmount: "99.00" });
    const v2 = planBuyerAction("unsubscribe", bought("crm-monthly-v2"), context());
    expect(v2.callbacks[0]!.params).toMatchObject({ orderLineId: `${v2.orders[0]!.orderId}-000001` });
  });

  it("V1 upgrade changes the SKU and productId; V2 upgradeInstance names the new order", () => {
    const v1 = planBuyerAction("upgrade", bought("hr-monthly-v1"), context());
    expect(v1.callbacks[0]!.params).toMatchObject({ activity: "upgrade", skuCode: "SIM-HRM-PRO", productId: "00301-SIMHRM2-0--0" });
    expect(v1.effect.skuCode).toBe("SIM-HRM-PRO");
    const v2 = planBuyerAction("upgrade", bought("crm-monthly-v2"), context());
    expect(v2.callbacks[0]!.activity).toBe("upgradeInstance");
  });

  it("licence products: getLicense on purchase; licence codes only on renewal and release", () => {
    expect(planPurchase({ product: product("design-licence-v1"), customerId: "c", customerName: "n" }, context()).plan.callbacks[0]!.activity).toBe("getLicense");
    expect(planPurchase({ product: product("cad-licence-code-v2"), customerId: "c", customerName: "n" }, context()).plan.callbacks).toEqual([]);
    const code = { ...bought("cad-licence-code-v2"), licenceCode: "LC-1" };
    const renewal = planBuyerAction("renew", code, context()).callbacks[0]!;
    expect(renewal).toMatchObject({ activity: "refreshLicenseCode", keyKind: "licence" });
    expect(renewal.params).toMatchObject({ license: "LC-1", scene: "RENEWAL" });
    expect(planBuyerAction("release", code, context()).callbacks[0]!.activity).toBe("releaseLicenseCode");
  });

  it("offers only what fits the lifecycle and refuses acting on an instance the seller never named", () => {
    expect(availableActions(product("report-once-v1"), "active", false)).toEqual(["query", "release", "unsubscribe"]);
    expect(availableActions(product("hr-monthly-v1"), "frozen", false)).toEqual(["query", "unfreeze", "release"]);
    expect(availableActions(product("hr-monthly-v1"), "released", false)).toEqual([]);
    expect(() => planBuyerAction("query", { ...bought("hr-monthly-v1"), instanceId: null }, context())).toThrow(PlanError);
  });
});

describe("licence requests, order notifications and renewals in the freeze period", () => {
  it("在线开通License (V2): getLicenseAsync for the instance under the License key, with the 包周期 expiry (§3.3)", () => {
    const s = bought("design-licence-v2");
    const plan = planBuyerAction("requestLicence", s, { ...context(), newEventId: () => "evt-1" });
    expect(plan.callbacks).toEqual([
      {
        generation: "v2",
        activity: "getLicenseAsync",
        keyKind: "licence",
        params: {
          activity: "getLicenseAsync",
          instanceId: "inst-1",
          effectiveTime: "2026-11-28 08:00:00 z",
          expireTime: "2027-11-28 08:00:00 z",
          eventId: "evt-1",
          deviceFingerprint: "SIM-DEVICE-c-1",
          testFlag: "1",
        },
      },
    ]);
    expect(availableActions(s.product, "active", false)).toContain("requestLicence");
    expect(() => planBuyerAction("requestLicence", bought("crm-monthly-v2"), context())).toThrow(PlanError);
  });

  it("orderNotify carries the order and its line, only in V2 (§3.2)", () => {
    const plan = planBuyerAction("notifyOrder", bought("crm-monthly-v2"), context());
    expect(plan.callbacks.map((c) => c.params)).toEqual([{ activity: "orderNotify", orderId: "CSTEST1", orderLineId: "CSTEST1-000001", testFlag: "1" }]);
    expect(() => planBuyerAction("notifyOrder", bought("hr-monthly-v1"), context())).toThrow(PlanError);
    expect(availableActions(product("hr-monthly-v1"), "active", false)).not.toContain("notifyOrder");
    expect(availableActions(product("cad-licence-code-v2"), "active", false)).not.toContain("notifyOrder");
  });

  it("a V2 renewal with a spec change while frozen is checked, refreshed, then unfrozen (§8)", () => {
    const s = { ...bought("crm-yearly-v2"), status: "frozen" as const };
    expect(availableActions(s.product, "frozen", false)).toContain("renewChange");
    const plan = planBuyerAction("renewChange", s, context());
    expect(plan.callbacks.map((c) => `${c.activity}${c.params.scene ? `:${String(c.params.scene)}` : ""}${c.params.status ? `:${String(c.params.status)}` : ""}`)).toEqual([
      "changeInstanceCheck",
      "refreshInstance:RENEWAL_CHANGE",
      "updateInstanceStatus:UNFREEZE",
    ]);
    // Not frozen: no UNFREEZE.
    expect(planBuyerAction("renewChange", bought("crm-yearly-v2"), context()).callbacks.map((c) => c.activity)).toEqual(["changeInstanceCheck", "refreshInstance"]);
  });
});

