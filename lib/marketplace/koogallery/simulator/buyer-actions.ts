import { encodeSaasExtendParams } from "../saas-extend-params";
import { formatExpireTime, formatKitTimestamp } from "../time-formats";
import { formatLicenceRequestTime } from "./licence-request-time";
import {
  V1_CHARGING_MODE_CODES,
  type BuyerAction,
  type SimKeyKind,
  type SimProduct,
  type SimGeneration,
  type SubscriptionStatus,
} from "./catalogue";

/*
 * What the marketplace sends the seller when a buyer acts (§3, §8). Every
 * field is a string as on the wire; changeInstanceCheck's productInfo is the
 * one nested object. Simulated traffic always carries testFlag=1 so the
 * console never provisions it for real.
 */

/** JSON as it goes on the wire: basic interfaces send strings only; kit bodies also numbers and lists. */
export type CallbackValue = string | number | boolean | CallbackValue[] | { [name: string]: CallbackValue };
export type CallbackParams = Record<string, CallbackValue>;

/** The 联营Kit sync interfaces (§3.5), posted to {生产地址}/produceAPI[/v2]/<name>. */
export const KIT_INTERFACES = ["tenantSync", "applicationSync", "authSync", "singleOrgSync", "allOrgSync"] as const;
export type KitInterface = (typeof KIT_INTERFACES)[number];

export interface PlannedCallback {
  generation: SimGeneration;
  activity: string;
  keyKind: SimKeyKind;
  params: CallbackParams;
  /** Set for a kit call: params is then the JSON body, without an activity field. */
  kit?: KitInterface;
}

export type SimOrderType = "NEW" | "TRIAL" | "TRIAL_TO_FORMAL" | "UNSUBSCRIBE" | "RENEW" | "CHANGE";

export interface PlannedOrder {
  orderId: string;
  orderLineId: string;
  orderType: SimOrderType;
  productId: string;
  skuCode: string;
  chargingMode: SimProduct["chargingMode"];
  periodType?: string;
  periodNumber?: number;
  /** Paid (or, for UNSUBSCRIBE, refunded) amount, CNY with 2 decimals. */
  amount: string;
  expireAt?: Date;
}

export interface SubscriptionSnapshot {
  product: SimProduct;
  status: SubscriptionStatus;
  instanceId: string | null;
  orderId: string;
  orderLineId: string;
  skuCode: string;
  productId: string;
  expireAt: Date | null;
  isTrial: boolean;
  customerId: string;
  customerName: string;
  licenceCode: string | null;
}

/** What the subscription becomes once every callback of the plan succeeded. */
export interface PlanEffect {
  status?: SubscriptionStatus;
  expireAt?: Date | null;
  skuCode?: string;
  productId?: string;
  isTrial?: boolean;
}

export interface ActionPlan {
  action: BuyerAction;
  orders: PlannedOrder[];
  callbacks: PlannedCallback[];
  effect: PlanEffect;
}

export interface PlanContext {
  now: Date;
  /** getLicenseAsync's eventId and device fingerprint; random by default. */
  newEventId?: () => string;
  /** A new marketplace order id (e.g. "CS2611281530ABCDE"). */
  newOrderId: () => string;
  newBusinessId: () => string;
}

const TEST_FLAG = "1";

const randomHex = (bytes: number) =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

export const orderLineIdFor = (orderId: string) => `${orderId}-000001`;

/** The order lines of the simulated marketplace: calendar periods in UTC. */
export function addPeriod(from: Date, periodType: string | undefined, periodNumber = 1): Date {
  const date = new Date(from.getTime());
  if (periodType === "year") date.setUTCFullYear(date.getUTCFullYear() + periodNumber);
  else if (periodType === "month") date.setUTCMonth(date.getUTCMonth() + periodNumber);
  else if (periodType === "day") date.setUTCDate(date.getUTCDate() + periodNumber);
  return date;
}

const amountFor = (price: string, periods = 1) => (Number(price) * periods).toFixed(2);

const skuOf = (product: SimProduct, skuCode: string) => product.skus.find((sku) => sku.skuCode === skuCode) ?? product.skus[0];
const otherSku = (product: SimProduct, skuCode: string) => (product.skus[0].skuCode === skuCode ? product.skus[1] : product.skus[0]);

const callback = (product: SimProduct, activity: string, params: CallbackParams): PlannedCallback => ({
  generation: product.generation,
  activity,
  keyKind: product.keyKind,
  params: { activity, ...params, testFlag: TEST_FLAG },
});

const periodFields = (product: SimProduct): Record<string, string> =>
  product.chargingMode === "PERIOD" && product.periodType && product.billing !== "trial"
    ? { periodType: product.periodType, periodNumber: String(product.periodNumber ?? 1) }
    : {};

export interface PurchaseInput {
  product: SimProduct;
  customerId: string;
  customerName: string;
  /** Defaults to the first (standard) SKU. */
  skuCode?: string;
}

/** 新购 (or 试用): the order and the newInstance / getLicense callback. */
export function planPurchase(input: PurchaseInput, ctx: PlanContext): { snapshot: SubscriptionSnapshot; plan: ActionPlan } {
  const { product } = input;
  const sku = skuOf(product, input.skuCode ?? product.skus[0].skuCode);
  const orderId = ctx.newOrderId();
  const orderLineId = orderLineIdFor(orderId);
  const isTrial = product.billing === "trial";
  const hasExpiry = product.chargingMode === "PERIOD" || product.chargingMode === "ON_DEMAND_PKG";
  const expireAt = hasExpiry ? addPeriod(ctx.now, product.periodType, product.periodNumber) : null;
  const order: PlannedOrder = {
    orderId,
    orderLineId,
    orderType: isTrial ? "TRIAL" : "NEW",
    productId: sku.productId,
    skuCode: sku.skuCode,
    chargingMode: product.chargingMode,
    periodType: product.periodType,
    periodNumber: product.periodNumber,
    amount: isTrial ? "0.00" : amountFor(sku.price),
    expireAt: expireAt ?? undefined,
  };
  const snapshot: SubscriptionSnapshot = {
    product,
    status: "opening",
    instanceId: null,
    orderId,
    orderLineId,
    skuCode: sku.skuCode,
    productId: sku.productId,
    expireAt,
    isTrial,
    customerId: input.customerId,
    customerName: input.customerName,
    licenceCode: null,
  };
  let callbacks: PlannedCallback[];
  if (product.billing === "licenceCode") {
    // 授权码 products: the marketplace issues the code itself; the seller hears of it only on
    // renewal and release (§3.4).
    callbacks = [];
  } else if (product.billing === "licence") {
    callbacks = [
      callback(product, "getLicense", {
        businessId: ctx.newBusinessId(),
        customerId: input.customerId,
        customerName: input.customerName,
        orderId,
        productId: sku.productId,
        skuCode: sku.skuCode,
      }),
    ];
  } else if (product.generation === "v1") {
    callbacks = [
      callback(product, "newInstance", {
        businessId: ctx.newBusinessId(),
        customerId: input.customerId,
        customerName: input.customerName,
        orderId,
        productId: sku.productId,
        skuCode: sku.skuCode,
        chargingMode: V1_CHARGING_MODE_CODES[product.chargingMode],
        ...(expireAt ? { expireTime: formatExpireTime(expireAt) } : {}),
        ...periodFields(product),
        orderAmount: order.amount,
        ...(isTrial ? { trialFlag: "1" } : {}),
        saasExtendParams: encodeSaasExtendParams([{ name: "userName", value: input.customerId }]),
      }),
    ];
  } else {
    // V2 carries no customer or spec: the seller calls 查询订单 for them (§3.2).
    callbacks = [callback(product, "newInstance", { businessId: ctx.newBusinessId(), orderId, orderLineId })];
  }
  return {
    snapshot,
    plan: { action: "buy", orders: [order], callbacks, effect: { status: "active" } },
  };
}

export class PlanError extends Error {
  override readonly name = "PlanError";
}

const requireInstance = (s: SubscriptionSnapshot): string => {
  if (!s.instanceId) throw new PlanError("the seller has not returned an instanceId for this purchase yet");
  return s.instanceId;
};

const newOrder = (s: SubscriptionSnapshot, ctx: PlanContext, orderType: SimOrderType, fields: Partial<PlannedOrder> = {}): PlannedOrder => {
  const orderId = ctx.newOrderId();
  return {
    orderId,
    orderLineId: orderLineIdFor(orderId),
    orderType,
    productId: s.productId,
    skuCode: s.skuCode,
    chargingMode: s.product.chargingMode,
    amount: "0.00",
    ...fields,
  };
};

/** Renewal starts from the current expiry, or from now when it has already passed. */
const renewalExpiry = (s: SubscriptionSnapshot, now: Date, periodType: string | undefined, periodNumber: number) =>
  addPeriod(s.expireAt && s.expireAt.getTime() > now.getTime() ? s.expireAt : now, periodType, periodNumber);

function planRenewal(s: SubscriptionSnapshot, ctx: PlanContext, options: { trialToFormal?: boolean; change?: boolean }): ActionPlan {
  const { product } = s;
  // A trial converts to the monthly period of the same SKU.
  const periodType = product.billing === "trial" ? "month" : (product.periodType ?? "month");
  const periodNumber = product.billing === "trial" ? 1 : (product.periodNumber ?? 1);
  const sku = options.change ? otherSku(product, s.skuCode) : skuOf(product, s.skuCode);
  const expireAt = renewalExpiry(s, ctx.now, periodType, periodNumber);
  const order = newOrder(s, ctx, options.trialToFormal ? "TRIAL_TO_FORMAL" : options.change ? "CHANGE" : "RENEW", {
    productId: sku.productId,
    skuCode: sku.skuCode,
    periodType,
    periodNumber,
    amount: amountFor(sku.price, periodNumber),
    expireAt,
  });
  const effect: PlanEffect = { expireAt, status: "active", isTrial: false, skuCode: sku.skuCode, productId: sku.productId };
  if (product.billing === "licenceCode") {
    if (!s.licenceCode) throw new PlanError("the subscription has no licence code");
    return {
      action: "renew",
      orders: [order],
      callbacks: [
        callback(product, "refreshLicenseCode", {
          scene: "RENEWAL",
          orderId: order.orderId,
          orderLineId: order.orderLineId,
          license: s.licenceCode,
          productId: sku.productId,
          expireTime: formatExpireTime(expireAt),
        }),
      ],
      effect,
    };
  }
  const instanceId = requireInstance(s);
  if (product.generation === "v1") {
    return {
      action: options.trialToFormal ? "trialToFormal" : "renew",
      orders: [order],
      callbacks: [
        callback(product, "refreshInstance", {
          orderId: order.orderId,
          instanceId,
          productId: sku.productId,
          expireTime: formatExpireTime(expireAt),
          ...(options.trialToFormal ? { trialToFormal: "1" } : {}),
          periodType,
          periodNumber: String(periodNumber),
          orderAmount: order.amount,
        }),
      ],
      effect,
    };
  }
  const refresh = callback(product, "refreshInstance", {
    scene: options.trialToFormal ? "TRIAL_TO_FORMAL" : options.change ? "RENEWAL_CHANGE" : "RENEWAL",
    orderId: order.orderId,
    orderLineId: order.orderLineId,
    instanceId,
    productId: sku.productId,
    expireTime: formatExpireTime(expireAt),
  });
  if (!options.change) return { action: options.trialToFormal ? "trialToFormal" : "renew", orders: [order], callbacks: [refresh], effect };
  // 续费变更: the marketplace first asks whether the target spec is acceptable (§3.2).
  const check = callback(product, "changeInstanceCheck", {
    instanceId,
    productInfo: { productId: sku.productId, skuCode: sku.skuCode },
  });
  return { action: "renewChange", orders: [order], callbacks: [check, refresh], effect };
}

/** Every buyer action after the purchase. Throws PlanError when it makes no sense in this state. */
export function planBuyerAction(action: Exclude<BuyerAction, "buy">, s: SubscriptionSnapshot, ctx: PlanContext): ActionPlan {
  const { product } = s;
  switch (action) {
    case "query":
      return { action, orders: [], callbacks: [callback(product, "queryInstance", { instanceId: requireInstance(s) })], effect: {} };
    case "renew":
      return planRenewal(s, ctx, {});
    case "trialToFormal":
      if (!s.isTrial) throw new PlanError("only a trial converts to a formal purchase");
      return planRenewal(s, ctx, { trialToFormal: true });
    case "renewChange": {
      if (product.generation !== "v2") throw new PlanError("续费变更校验 (changeInstanceCheck) exists only in V2");
      const change = planRenewal(s, ctx, { change: true });
      // Renewed (with a new spec) during the freeze period: the instance is unfrozen after the refresh (§8).
      if (s.status !== "frozen") return change;
      return { ...change, callbacks: [...change.callbacks, callback(product, "updateInstanceStatus", { instanceId: requireInstance(s), status: "UNFREEZE" })] };
    }
    case "upgrade": {
      const instanceId = requireInstance(s);
      const sku = otherSku(product, s.skuCode);
      const order = newOrder(s, ctx, "CHANGE", {
        productId: sku.productId,
        skuCode: sku.skuCode,
        amount: (Math.max(0, Number(sku.price) - Number(skuOf(product, s.skuCode).price))).toFixed(2),
      });
      const upgrade =
        product.generation === "v1"
          ? callback(product, "upgrade", { instanceId, orderId: order.orderId, skuCode: sku.skuCode, productId: sku.productId, amount: "20" })
          : callback(product, "upgradeInstance", { instanceId, orderId: order.orderId, orderLineId: order.orderLineId });
      return { action, orders: [order], callbacks: [upgrade], effect: { skuCode: sku.skuCode, productId: sku.productId } };
    }
    case "expire": {
      const instanceId = requireInstance(s);
      const freeze =
        product.generation === "v2"
          ? callback(product, "updateInstanceStatus", { instanceId, status: "FREEZE" })
          : product.chargingMode === "ON_DEMAND"
            ? callback(product, "instanceStatus", { instanceId, instanceStatus: "FREEZE" })
            : callback(product, "expireInstance", { instanceId, orderId: s.orderId });
      return { action, orders: [], callbacks: [freeze], effect: { status: "frozen" } };
    }
    case "unfreeze": {
      const instanceId = requireInstance(s);
      if (product.chargingMode === "ON_DEMAND") {
        // Arrears paid: V1 says NORMAL where V2 says UNFREEZE.
        const unfreeze =
          product.generation === "v2"
            ? callback(product, "updateInstanceStatus", { instanceId, status: "UNFREEZE" })
            : callback(product, "instanceStatus", { instanceId, instanceStatus: "NORMAL" });
        return { action, orders: [], callbacks: [unfreeze], effect: { status: "active" } };
      }
      // A 包周期 instance comes back by renewal in its freeze period (§8): V1 has only the refresh,
      // V2 follows it with UNFREEZE.
      const renewal = planRenewal(s, ctx, {});
      const callbacks =
        product.generation === "v2"
          ? [...renewal.callbacks, callback(product, "updateInstanceStatus", { instanceId, status: "UNFREEZE" })]
          : renewal.callbacks;
      return { ...renewal, action, callbacks };
    }
    case "requestLicence": {
      // 异步申请License (§3.3): a 包周期 licence must carry its expiry (000902 otherwise).
      if (product.billing !== "licenceOnline") throw new PlanError("getLicenseAsync exists only for 在线开通License (V2) products");
      const instanceId = requireInstance(s);
      const eventId = ctx.newEventId?.() ?? randomHex(16);
      const params: CallbackParams = {
        instanceId,
        effectiveTime: formatLicenceRequestTime(ctx.now),
        ...(s.expireAt ? { expireTime: formatLicenceRequestTime(s.expireAt) } : {}),
        eventId,
        deviceFingerprint: `SIM-DEVICE-${s.customerId}`,
      };
      return { action, orders: [], callbacks: [callback(product, "getLicenseAsync", params)], effect: {} };
    }
    case "syncTenant":
    case "syncOrgs":
    case "syncUsers":
      if (!product.joint) throw new PlanError("联营Kit sync interfaces exist only for 联营SaaS products");
      return { action, orders: [], callbacks: [kitCallback(action, s, ctx)], effect: {} };
    case "notifyOrder":
      // 订单通知 (§3.2): the order of the purchase; the seller reads the rest from 查询订单.
      if (product.generation !== "v2") throw new PlanError("orderNotify exists only in V2");
      return { action, orders: [], callbacks: [callback(product, "orderNotify", { orderId: s.orderId, orderLineId: s.orderLineId })], effect: {} };
    case "release":
    case "unsubscribe": {
      const unsubscribe = action === "unsubscribe";
      const order = unsubscribe
        ? newOrder(s, ctx, "UNSUBSCRIBE", { amount: amountFor(skuOf(product, s.skuCode).price) })
        : null;
      const orders = order ? [order] : [];
      if (product.billing === "licenceCode") {
        if (!s.licenceCode) throw new PlanError("the subscription has no licence code");
        return {
          action,
          orders,
          callbacks: [
            callback(product, "releaseLicenseCode", {
              license: s.licenceCode,
              ...(order ? { orderId: order.orderId, orderLineId: order.orderLineId } : {}),
            }),
          ],
          effect: { status: "released" },
        };
      }
      if (product.billing === "licence") {
        return {
          action,
          orders,
          callbacks: [callback(product, "releaseLicense", { orderId: s.orderId, ...(s.instanceId ? { instanceId: s.instanceId } : {}) })],
          effect: { status: "released" },
        };
      }
      const instanceId = requireInstance(s);
      const release =
        product.generation === "v1"
          ? callback(product, "releaseInstance", {
              instanceId,
              orderId: order?.orderId ?? s.orderId,
              ...(order ? { orderAmount: order.amount } : {}),
            })
          : callback(product, "releaseInstance", {
              instanceId,
              ...(order ? { orderId: order.orderId, orderLineId: order.orderLineId } : {}),
            });
      return { action, orders, callbacks: [release], effect: { status: "released" } };
    }
  }
}

const KIT_ORGS = [
  { orgCode: "SIM-HQ", orgName: "总部", parentCode: "" },
  { orgCode: "SIM-RD", orgName: "研发部", parentCode: "SIM-HQ" },
];

/*
 * 联营Kit sync calls (§3.5) when the buyer's enterprise binds and authorises the app: the tenant,
 * its department tree (全量) and its authorised users. testFlag and flag are integers here; the
 * timestamps are UTC+8. V1 sends allOrgSync's tree as a JSON string (orgInfo), V2 as a list.
 */
function kitCallback(action: "syncTenant" | "syncOrgs" | "syncUsers", s: SubscriptionSnapshot, ctx: PlanContext): PlannedCallback {
  const { product } = s;
  const instanceId = requireInstance(s);
  const tenantCode = `sim${s.customerId.replace(/[^A-Za-z0-9]/g, "").slice(-12).toLowerCase()}`;
  const common = { instanceId, tenantId: s.customerId, testFlag: 1, timeStamp: formatKitTimestamp(ctx.now) };
  const appId = `SIMAPP-${instanceId.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`;
  let kit: KitInterface;
  let body: CallbackParams;
  if (action === "syncTenant") {
    kit = "tenantSync";
    body = { ...common, orderId: s.orderId, tenantCode, name: s.customerName, domainName: `https://${tenantCode}.tenant.example.com`, flag: 1 };
  } else if (action === "syncOrgs") {
    kit = "allOrgSync";
    body = product.generation === "v2" ? { ...common, orgInfoList: KIT_ORGS } : { ...common, orgInfo: JSON.stringify(KIT_ORGS) };
  } else {
    kit = "authSync";
    body = {
      ...common,
      appId,
      currentSyncTime: formatKitTimestamp(ctx.now),
      flag: 1,
      userList: [
        { userName: `${tenantCode}.admin`, name: "管理员", orgCode: "SIM-HQ", role: "admin", enable: "true" },
        { userName: `${tenantCode}.dev`, name: "开发者", orgCode: "SIM-RD", role: "user", enable: "true", employeeType: 1 },
      ],
    };
  }
  return { generation: product.generation, activity: kit, keyKind: product.generation === "v2" ? "kit" : "v1", params: body, kit };
}

