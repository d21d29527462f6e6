import { z } from "zod";
import {
  defineActivity,
  formatIssues,
  instanceIdList,
  optionalAmount,
  optionalEnum,
  optionalIntegerString,
  optionalSaasExtendParams,
  optionalString,
  optionalTime,
  requiredEnum,
  requiredString,
  requiredTime,
  splitInstanceIds,
  testFlagField,
} from "./schema-fields";
import { parseExpireTime, parseV1Timestamp } from "./time-formats";

/*
 * V1 basic interfaces (§3.1): GET with every parameter in the query string,
 * so every value is a string. Verify the authToken over the raw parameters
 * first (verifyV1Query); these schemas then read the business fields.
 * Parameters not listed are dropped from `data` and named in
 * `ignoredFields`: the marketplace adds fields over time and an unknown
 * field must not fail a paid order.
 */

const common = {
  activity: requiredString("activity", 20),
  authToken: requiredString("authToken", 50),
  timeStamp: requiredTime("timeStamp", 20, parseV1Timestamp),
  // V1 documents "1" or absent. "0" is also read as production, as in V2
  // and the kit: refusing it could fail a real order, accepting it cannot
  // turn real data into test data.
  testFlag: testFlagField(),
};

const id64 = (name: string) => requiredString(name, 64);
const optionalId64 = (name: string) => optionalString(name, 64);

// Documented values are "year"/"month"; trials by the day exist (the
// MOCKPERIODDAYTRIAL order), so any short word is accepted.
const periodType = () => optionalString("periodType", 10);

export const V1_ACTIVITIES = {
  newInstance: defineActivity({
    ...common,
    activity: z.literal("newInstance"),
    customerId: requiredString("customerId", 100),
    // Mandatory in the CN docs, optional in the international ones.
    customerName: optionalString("customerName", 64),
    userId: optionalString("userId", 64),
    userName: optionalString("userName", 64),
    // AES-encrypted (iv + Base64, see decryptCredential); no length is documented.
    mobilePhone: optionalString("mobilePhone"),
    email: optionalString("email"),
    businessId: id64("businessId"),
    orderId: id64("orderId"),
    skuCode: optionalId64("skuCode"),
    productId: id64("productId"),
    trialFlag: optionalEnum("trialFlag", ["0", "1"]),
    expireTime: optionalTime("expireTime", 20, parseExpireTime),
    // Known: 0 按需, 1 包周期, 3 按次, 5 按需套餐包. Other integers are let
    // through for the business code to refuse knowingly.
    chargingMode: optionalIntegerString("chargingMode", 3),
    saasExtendParams: optionalSaasExtendParams(),
    amount: optionalIntegerString("amount", 7),
    diskSize: optionalIntegerString("diskSize", 10),
    bandWidth: optionalIntegerString("bandWidth", 10),
    periodType: periodType(),
    periodNumber: optionalIntegerString("periodNumber", 2),
    orderAmount: optionalAmount("orderAmount"),
  }),
  refreshInstance: defineActivity({
    ...common,
    activity: z.literal("refreshInstance"),
    orderId: id64("orderId"),
    instanceId: id64("instanceId"),
    productId: optionalId64("productId"),
    expireTime: requiredTime("expireTime", 20, parseExpireTime),
    trialToFormal: optionalEnum("trialToFormal", ["0", "1"]),
    periodType: periodType(),
    periodNumber: optionalIntegerString("periodNumber", 2),
    orderAmount: optionalAmount("orderAmount"),
  }),
  expireInstance: defineActivity({
    ...common,
    activity: z.literal("expireInstance"),
    instanceId: id64("instanceId"),
    // Documented as mandatory, but the doc's own example omits it. Refusing
    // would leave an expired instance running, so it is optional here.
    orderId: optionalId64("orderId"),
  }),
  releaseInstance: defineActivity({
    ...common,
    activity: z.literal("releaseInstance"),
    instanceId: id64("instanceId"),
    orderId: id64("orderId"),
    orderAmount: optionalAmount("orderAmount"),
  }),
  upgrade: defineActivity({
    ...common,
    activity: z.literal("upgrade"),
    instanceId: id64("instanceId"),
    orderId: id64("orderId"),
    skuCode: id64("skuCode"),
    productId: id64("productId"),
    amount: optionalIntegerString("amount", 7),
    diskSize: optionalIntegerString("diskSize", 10),
    bandWidth: optionalIntegerString("bandWidth", 10),
    saasExtendParams: optionalSaasExtendParams(),
  }),
  instanceStatus: defineActivity({
    ...common,
    activity: z.literal("instanceStatus"),
    instanceId: id64("instanceId"),
    // V1 says NORMAL where V2 says UNFREEZE.
    instanceStatus: requiredEnum("instanceStatus", ["FREEZE", "NORMAL"]),
  }),
  queryInstance: defineActivity({
    ...common,
    activity: z.literal("queryInstance"),
    instanceId: instanceIdList(),
  }),
  getLicense: defineActivity({
    ...common,
    activity: z.literal("getLicense"),
    customerId: requiredString("customerId", 100),
    customerName: optionalString("customerName", 64),
    businessId: id64("businessId"),
    orderId: id64("orderId"),
    skuCode: optionalId64("skuCode"),
    productId: optionalId64("productId"),
  }),
  releaseLicense: defineActivity({
    ...common,
    activity: z.literal("releaseLicense"),
    orderId: id64("orderId"),
    // Listed without a mandatory mark; the license is keyed by orderId.
    instanceId: optionalId64("instanceId"),
  }),
} as const;

export type V1Activity = keyof typeof V1_ACTIVITIES;
export const V1_ACTIVITY_NAMES = Object.keys(V1_ACTIVITIES) as V1Activity[];

export type V1RequestData<A extends V1Activity> = z.output<(typeof V1_ACTIVITIES)[A]["schema"]>;

export type V1Request = { [A in V1Activity]: { activity: A; data: V1RequestData<A> } }[V1Activity];

export type V1ParseResult =
  | ({ ok: true; ignoredFields: string[] } & V1Request)
  | { ok: false; resultCode: "000002"; activity?: string; message: string };

function isV1Activity(value: string): value is V1Activity {
  return Object.hasOwn(V1_ACTIVITIES, value);
}

/** Reads the verified, decoded query parameters of a V1 GET request. */
export function parseV1Request(params: Readonly<Record<string, string>>): V1ParseResult {
  const activity = params.activity;
  if (activity === undefined || activity === "") {
    return { ok: false, resultCode: "000002", message: "activity is required" };
  }
  if (!isV1Activity(activity)) {
    return {
      ok: false,
      resultCode: "000002",
      activity,
      message: `unknown activity ${JSON.stringify(activity.slice(0, 40))}; V1 activities are ${V1_ACTIVITY_NAMES.join(", ")}`,
    };
  }
  const definition = V1_ACTIVITIES[activity];
  const parsed = definition.schema.safeParse(params);
  if (!parsed.success) return { ok: false, resultCode: "000002", activity, message: formatIssues(activity, parsed.error) };
  const known = new Set<string>(definition.fields);
  return {
    ok: true,
    activity,
    data: parsed.data,
    ignoredFields: Object.keys(params).filter((name) => !known.has(name)),
  } as { ok: true; ignoredFields: string[] } & V1Request;
}

/** The individual IDs of a queryInstance request. */
export function queryInstanceIds(data: { instanceId: string }): string[] {
  return splitInstanceIds(data.instanceId);
}
