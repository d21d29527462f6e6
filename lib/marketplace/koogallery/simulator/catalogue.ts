/*
 * The simulated marketplace's shelf: demo products covering every billing
 * mode (§0, §8) in both interface generations. Product ids follow the
 * marketplace's shape ("00301-666666-0--0"); each product has two SKUs so
 * that upgrades and spec changes have somewhere to go.
 */

export type SimGeneration = "v1" | "v2";
/** Which of the seller's keys signs the product's callbacks (§2.1). */
export type SimKeyKind = "v1" | "basic" | "licence" | "kit";
export type SimChargingMode = "PERIOD" | "ONE_TIME" | "ON_DEMAND" | "ON_DEMAND_PKG";
export type SimBilling =
  | "monthly"
  | "yearly"
  | "oneTime"
  | "onDemand"
  | "onDemandPackage"
  | "trial"
  | "licence"
  | "licenceOnline"
  | "licenceCode";

export interface SimSku {
  skuCode: string;
  productId: string;
  /** Price of one period (or of the order for one-time products), CNY. */
  price: string;
}

export interface SimProduct {
  key: string;
  generation: SimGeneration;
  billing: SimBilling;
  chargingMode: SimChargingMode;
  keyKind: SimKeyKind;
  periodType?: "month" | "year" | "day";
  periodNumber?: number;
  /** 联营SaaS: the instance callbacks plus the 联营Kit sync interfaces (§3.5). */
  joint?: true;
  skus: readonly [SimSku, SimSku];
}

/** V1 sends chargingMode as an integer (§8). */
export const V1_CHARGING_MODE_CODES: Record<SimChargingMode, string> = { ON_DEMAND: "0", PERIOD: "1", ONE_TIME: "3", ON_DEMAND_PKG: "5" };

const skus = (code: string, standard: string, professional: string): readonly [SimSku, SimSku] => [
  { skuCode: `SIM-${code}-STD`, productId: `00301-SIM${code}1-0--0`, price: standard },
  { skuCode: `SIM-${code}-PRO`, productId: `00301-SIM${code}2-0--0`, price: professional },
];

export const SIM_PRODUCTS: readonly SimProduct[] = [
  { key: "crm-monthly-v2", generation: "v2", billing: "monthly", chargingMode: "PERIOD", keyKind: "basic", periodType: "month", periodNumber: 1, skus: skus("CRMM", "199.00", "399.00") },
  { key: "crm-yearly-v2", generation: "v2", billing: "yearly", chargingMode: "PERIOD", keyKind: "basic", periodType: "year", periodNumber: 1, skus: skus("CRMY", "1990.00", "3990.00") },
  { key: "hr-monthly-v1", generation: "v1", billing: "monthly", chargingMode: "PERIOD", keyKind: "v1", periodType: "month", periodNumber: 1, skus: skus("HRM", "99.00", "199.00") },
  { key: "hr-yearly-v1", generation: "v1", billing: "yearly", chargingMode: "PERIOD", keyKind: "v1", periodType: "year", periodNumber: 1, skus: skus("HRY", "990.00", "1990.00") },
  { key: "report-once-v1", generation: "v1", billing: "oneTime", chargingMode: "ONE_TIME", keyKind: "v1", skus: skus("RPT", "999.00", "1999.00") },
  { key: "report-once-v2", generation: "v2", billing: "oneTime", chargingMode: "ONE_TIME", keyKind: "basic", skus: skus("RPS", "599.00", "899.00") },
  { key: "api-ondemand-v1", generation: "v1", billing: "onDemand", chargingMode: "ON_DEMAND", keyKind: "v1", skus: skus("APD", "0.00", "0.00") },
  { key: "api-ondemand-v2", generation: "v2", billing: "onDemand", chargingMode: "ON_DEMAND", keyKind: "basic", skus: skus("AQD", "0.00", "0.00") },
  { key: "api-package-v1", generation: "v1", billing: "onDemandPackage", chargingMode: "ON_DEMAND_PKG", keyKind: "v1", periodType: "month", periodNumber: 1, skus: skus("APK", "500.00", "900.00") },
  { key: "crm-trial-v2", generation: "v2", billing: "trial", chargingMode: "PERIOD", keyKind: "basic", periodType: "day", periodNumber: 7, skus: skus("CRT", "199.00", "399.00") },
  { key: "hr-trial-v1", generation: "v1", billing: "trial", chargingMode: "PERIOD", keyKind: "v1", periodType: "day", periodNumber: 7, skus: skus("HRT", "99.00", "199.00") },
  { key: "design-licence-v1", generation: "v1", billing: "licence", chargingMode: "ONE_TIME", keyKind: "v1", skus: skus("DLC", "2999.00", "4999.00") },
  // 联营SaaS (§3.5): kit sync calls under the kit key (V2) or the Key值 (V1).
  { key: "oa-joint-v2", generation: "v2", billing: "monthly", chargingMode: "PERIOD", keyKind: "basic", periodType: "month", periodNumber: 1, joint: true, skus: skus("OAJ", "299.00", "599.00") },
  { key: "oa-joint-v1", generation: "v1", billing: "monthly", chargingMode: "PERIOD", keyKind: "v1", periodType: "month", periodNumber: 1, joint: true, skus: skus("OAK", "299.00", "599.00") },
  // 在线开通License (V2, §3.3): the SaaS instance callbacks under the License key, plus getLicenseAsync.
  { key: "design-licence-v2", generation: "v2", billing: "licenceOnline", chargingMode: "PERIOD", keyKind: "licence", periodType: "year", periodNumber: 1, skus: skus("DLO", "2400.00", "4200.00") },
  { key: "cad-licence-code-v2", generation: "v2", billing: "licenceCode", chargingMode: "PERIOD", keyKind: "licence", periodType: "year", periodNumber: 1, skus: skus("CAD", "3600.00", "6000.00") },
];

export const SIM_PRODUCT_KEYS = SIM_PRODUCTS.map((product) => product.key);

export function findSimProduct(key: string): SimProduct | undefined {
  return SIM_PRODUCTS.find((product) => product.key === key);
}

export const BUYER_ACTIONS = [
  "buy",
  "query",
  "renew",
  "trialToFormal",
  "upgrade",
  "renewChange",
  "expire",
  "unfreeze",
  "release",
  "unsubscribe",
  "requestLicence",
  "notifyOrder",
  "syncTenant",
  "syncOrgs",
  "syncUsers",
] as const;
export type BuyerAction = (typeof BUYER_ACTIONS)[number];

export type SubscriptionStatus = "opening" | "active" | "frozen" | "released" | "failed";

const isPeriodic = (product: SimProduct) => product.chargingMode === "PERIOD" && product.billing !== "licenceCode";

/** orderNotify (§3.2) is a V2 basic/License interface; 授权码 products have their own callbacks. */
const notifies = (product: SimProduct): BuyerAction[] => (product.generation === "v2" && product.billing !== "licenceCode" ? ["notifyOrder"] : []);

/**
 * What a buyer can do next, by billing mode and lifecycle (§8): only 包周期
 * renews, upgrades and changes spec (V2 only has 续费变更校验); 按需 is frozen
 * for arrears; licence products have their own callbacks.
 */
export function availableActions(product: SimProduct, status: SubscriptionStatus, isTrial: boolean): BuyerAction[] {
  if (status === "released" || status === "failed") return [];
  const instanceActions: BuyerAction[] = product.billing === "licence" || product.billing === "licenceCode" ? [] : ["query"];
  if (status === "opening") return instanceActions;
  if (status === "frozen") {
    // Renewed during the freeze period (§8); V2 may renew with a spec change as well.
    const renewWithChange: BuyerAction[] = isPeriodic(product) && !isTrial && product.generation === "v2" ? ["renewChange"] : [];
    return [...instanceActions, "unfreeze", ...renewWithChange, "release", ...notifies(product)];
  }
  if (product.billing === "licence") return ["release"];
  if (product.billing === "licenceCode") return ["renew", "release"];
  if (isTrial) return [...instanceActions, "trialToFormal", "expire", "release", ...notifies(product)];
  const actions: BuyerAction[] = [...instanceActions];
  if (isPeriodic(product)) {
    actions.push("renew", "upgrade");
    if (product.generation === "v2") actions.push("renewChange");
    actions.push("expire");
  }
  if (product.chargingMode === "ON_DEMAND") actions.push("expire");
  if (product.billing === "licenceOnline") actions.push("requestLicence");
  if (product.joint) actions.push("syncTenant", "syncOrgs", "syncUsers");
  actions.push("release");
  if (product.chargingMode !== "ON_DEMAND") actions.push("unsubscribe");
  actions.push(...notifies(product));
  return actions;
}
