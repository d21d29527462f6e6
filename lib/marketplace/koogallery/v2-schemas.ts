import { z } from "zod";
import { parseJsonPreservingOrder, toPlainJson, type JsonValue } from "./jackson-json";
import {
  defineActivity,
  formatIssues,
  instanceIdList,
  optionalString,
  requiredEnum,
  requiredString,
  requiredTime,
  testFlagField,
} from "./schema-fields";
import { parseExpireTime } from "./time-formats";

/*
 * V2 basic interfaces (§3.2-§3.4): POST JSON with string values and an
 * `activity` field. Verify the signature over the raw body first
 * (verifyV2Signature); these schemas then read the business fields.
 *
 * Top-level numbers and booleans are read as their source text, exactly as
 * the official sample's Map<String,String> does (and as the signature is
 * computed), and nulls count as absent. Fields not listed are dropped from
 * `data` and named in `ignoredFields`, except for updateLicenseCodeStatus,
 * whose field list is unknown and which keeps everything.
 */

const common = {
  activity: requiredString("activity", 32),
  testFlag: testFlagField(),
};

const id64 = (name: string) => requiredString(name, 64);
const optionalId64 = (name: string) => optionalString(name, 64);

// expireTime is documented as 14-digit UTC, but the official example has
// 17 digits (§13.4): both are read.
const expireTime = () => requiredTime("expireTime", 20, parseExpireTime);

/**
 * ProductInfo's fields are not documented. It should be an object, but
 * §13.9 shows the marketplace sending a nested structure as a JSON string
 * elsewhere, so a string holding a JSON object is accepted too.
 */
const productInfo = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
  z.record(z.string(), z.unknown(), {
    error: (issue) =>
      issue.input === undefined ? "productInfo is required" : "productInfo must be a JSON object (or a string holding one)",
  }),
);

export const V2_ACTIVITIES = {
  newInstance: defineActivity({
    ...common,
    activity: z.literal("newInstance"),
    orderId: id64("orderId"),
    orderLineId: id64("orderLineId"),
    businessId: id64("businessId"),
  }),
  queryInstance: defineActivity({
    ...common,
    activity: z.literal("queryInstance"),
    instanceId: instanceIdList(),
  }),
  refreshInstance: defineActivity({
    ...common,
    activity: z.literal("refreshInstance"),
    scene: requiredEnum("scene", ["TRIAL_TO_FORMAL", "RENEWAL", "UNSUBSCRIBE_RENEWAL_PERIOD", "RENEWAL_CHANGE"]),
    orderId: id64("orderId"),
    orderLineId: id64("orderLineId"),
    instanceId: id64("instanceId"),
    productId: optionalId64("productId"),
    expireTime: expireTime(),
  }),
  updateInstanceStatus: defineActivity({
    ...common,
    activity: z.literal("updateInstanceStatus"),
    instanceId: id64("instanceId"),
    status: requiredEnum("status", ["FREEZE", "UNFREEZE"]),
  }),
  releaseInstance: defineActivity({
    ...common,
    activity: z.literal("releaseInstance"),
    instanceId: id64("instanceId"),
    orderId: optionalId64("orderId"),
    orderLineId: optionalId64("orderLineId"),
  }),
  upgradeInstance: defineActivity({
    ...common,
    activity: z.literal("upgradeInstance"),
    instanceId: id64("instanceId"),
    orderId: id64("orderId"),
    orderLineId: id64("orderLineId"),
  }),
  changeInstanceCheck: defineActivity({
    ...common,
    activity: z.literal("changeInstanceCheck"),
    instanceId: id64("instanceId"),
    productInfo,
  }),
  orderNotify: defineActivity({
    ...common,
    activity: z.literal("orderNotify"),
    orderId: id64("orderId"),
    // Present in the only example but not marked mandatory; a notification
    // is not refused over it.
    orderLineId: optionalId64("orderLineId"),
  }),
  getLicenseAsync: defineActivity({
    ...common,
    activity: z.literal("getLicenseAsync"),
    instanceId: id64("instanceId"),
    // Only the length is checked: the one example ("2023-10-27 10:30:15 z")
    // is too odd to refuse other layouts on; parseLicenseTime reads it.
    effectiveTime: requiredString("effectiveTime", 32),
    expireTime: optionalString("expireTime", 32),
    eventId: id64("eventId"),
    deviceFingerprint: optionalString("deviceFingerprint", 1024),
  }),
  refreshLicenseCode: defineActivity({
    ...common,
    activity: z.literal("refreshLicenseCode"),
    scene: requiredEnum("scene", ["RENEWAL", "UNSUBSCRIBE_RENEWAL_PERIOD"]),
    orderId: id64("orderId"),
    orderLineId: id64("orderLineId"),
    license: id64("license"),
    productId: optionalId64("productId"),
    expireTime: expireTime(),
  }),
  updateLicenseCodeStatus: {
    // [UNCERTAIN] No field table was found (§13.17). license and status are
    // the fields one would expect; everything else is kept as received.
    schema: z.looseObject({
      ...common,
      activity: z.literal("updateLicenseCodeStatus"),
      license: id64("license"),
      status: requiredString("status", 64),
      orderId: optionalId64("orderId"),
      orderLineId: optionalId64("orderLineId"),
    }),
    fields: null,
  },
  releaseLicenseCode: defineActivity({
    ...common,
    activity: z.literal("releaseLicenseCode"),
    license: id64("license"),
    orderId: optionalId64("orderId"),
    orderLineId: optionalId64("orderLineId"),
  }),
} as const;

export type V2Activity = keyof typeof V2_ACTIVITIES;
export const V2_ACTIVITY_NAMES = Object.keys(V2_ACTIVITIES) as V2Activity[];

export type V2RequestData<A extends V2Activity> = z.output<(typeof V2_ACTIVITIES)[A]["schema"]>;

export type V2Request = { [A in V2Activity]: { activity: A; data: V2RequestData<A> } }[V2Activity];

export type V2ParseResult =
  | ({ ok: true; ignoredFields: string[] } & V2Request)
  | { ok: false; resultCode: "000002"; activity?: string; message: string };

function isV2Activity(value: string): value is V2Activity {
  return Object.hasOwn(V2_ACTIVITIES, value);
}

function topLevelValue(value: JsonValue): unknown {
  switch (value.kind) {
    case "number":
      return value.raw;
    case "boolean":
      return String(value.value);
    case "null":
      return undefined;
    default:
      return toPlainJson(value);
  }
}

function readBody(body: string | Readonly<Record<string, unknown>>): Record<string, unknown> | string {
  if (typeof body !== "string") {
    return Object.fromEntries(
      Object.entries(body)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => [key, typeof value === "number" || typeof value === "boolean" ? String(value) : value]),
    );
  }
  const parsed = parseJsonPreservingOrder(body);
  if (!parsed.ok) return `the request body is not valid JSON (${parsed.message.replace(/^invalid JSON: /, "")})`;
  if (parsed.value.kind !== "object") return "the request body must be a JSON object";
  return Object.fromEntries(
    parsed.value.entries.filter(([, value]) => value.kind !== "null").map(([key, value]) => [key, topLevelValue(value)]),
  );
}

/** Reads the body of a verified V2 request; pass the raw body text. */
export function parseV2Request(body: string | Readonly<Record<string, unknown>>): V2ParseResult {
  const fields = readBody(body);
  if (typeof fields === "string") return { ok: false, resultCode: "000002", message: fields };
  const activity = fields.activity;
  if (activity === undefined || activity === "") {
    return { ok: false, resultCode: "000002", message: "activity is required" };
  }
  if (typeof activity !== "string") return { ok: false, resultCode: "000002", message: "activity must be a string" };
  if (!isV2Activity(activity)) {
    return {
      ok: false,
      resultCode: "000002",
      activity,
      message: `unknown activity ${JSON.stringify(activity.slice(0, 40))}; V2 activities are ${V2_ACTIVITY_NAMES.join(", ")}`,
    };
  }
  const definition = V2_ACTIVITIES[activity];
  const parsed = definition.schema.safeParse(fields);
  if (!parsed.success) return { ok: false, resultCode: "000002", activity, message: formatIssues(activity, parsed.error) };
  const known = definition.fields === null ? null : new Set<string>(definition.fields);
  return {
    ok: true,
    activity,
    data: parsed.data,
    ignoredFields: known === null ? [] : Object.keys(fields).filter((name) => !known.has(name)),
  } as { ok: true; ignoredFields: string[] } & V2Request;
}
