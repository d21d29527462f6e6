import { z } from "zod";
import { parseJsonPreservingOrder, toPlainJson } from "./jackson-json";
import { formatIssues, optionalString, requiredString } from "./schema-fields";
import { parseKitTimestamp } from "./time-formats";

/*
 * 联营Kit sync bodies (§3.5), after the signature has been verified over the
 * raw body (verifyKitSignature for V2, verifyV1KitAuthToken for V1). Kit
 * bodies keep JSON types: testFlag, flag and employeeType are Integers on the
 * wire. A numeric string ("1") is accepted as well, because V1's bean
 * flattening makes the two indistinguishable to the token anyway; anything
 * else (true, 1.5, "x") is refused with a message naming the field.
 *
 * instanceId (and tenantSync's orderId) is Mandatory but documented as empty
 * when the *seller* applies for an app credential or test account, so "" and
 * absent both read as "" here.
 */

export const KIT_INTERFACE_NAMES = ["tenantSync", "applicationSync", "authSync", "singleOrgSync", "allOrgSync"] as const;
export type KitInterfaceName = (typeof KIT_INTERFACE_NAMES)[number];
export type KitGeneration = "v1" | "v2";

export const isKitInterfaceName = (name: string): name is KitInterfaceName =>
  (KIT_INTERFACE_NAMES as readonly string[]).includes(name);

/** The most org units or users one call may carry; the body is capped at 64 KiB before this anyway. */
export const MAX_KIT_LIST_ITEMS = 5000;

function integerField<const T extends readonly number[]>(name: string, allowed: T) {
  const list = allowed.join(", ");
  return z.unknown().transform((value, ctx): T[number] => {
    if (value === undefined || value === null || value === "") {
      ctx.addIssue({ code: "custom", message: `${name} is required; expected one of ${list}` });
      return z.NEVER;
    }
    const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || !allowed.includes(n)) {
      ctx.addIssue({ code: "custom", message: `${name} must be one of ${list} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return n as T[number];
  });
}

function optionalInteger(name: string, min: number, max: number) {
  return z.unknown().transform((value, ctx): number | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,11}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return n;
  }).optional();
}

/** Mandatory but may be empty (seller test-account calls): absent reads as "". */
function possiblyEmptyId(name: string) {
  return z
    .string({ error: () => `${name} must be a string` })
    .max(64, `${name} must be at most 64 characters`)
    .optional()
    .transform((value) => value?.trim() ?? "");
}

function kitTime(name: string) {
  return requiredString(name, 32).superRefine((value, ctx) => {
    const parsed = parseKitTimestamp(value, name);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  });
}

const common = {
  instanceId: possiblyEmptyId("instanceId"),
  tenantId: requiredString("tenantId", 64),
  testFlag: integerField("testFlag", [0, 1] as const),
  timeStamp: kitTime("timeStamp"),
};

/** A list that may arrive as a JSON array or as a string holding one (§13.9). */
function listOrJsonString<T extends z.ZodType>(name: string, item: T) {
  return z.unknown().transform((value, ctx): z.output<T>[] => {
    let list: unknown = value;
    if (typeof value === "string") {
      const parsed = parseJsonPreservingOrder(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${name} is a string but not a JSON array (${parsed.message})` });
        return z.NEVER;
      }
      list = toPlainJson(parsed.value);
    }
    if (!Array.isArray(list)) {
      ctx.addIssue({ code: "custom", message: `${name} must be a JSON array (or a string holding one)` });
      return z.NEVER;
    }
    if (list.length > MAX_KIT_LIST_ITEMS) {
      ctx.addIssue({ code: "custom", message: `${name} has ${list.length} items, more than ${MAX_KIT_LIST_ITEMS}` });
      return z.NEVER;
    }
    const out: z.output<T>[] = [];
    list.forEach((entry, index) => {
      const result = item.safeParse(entry);
      if (result.success) out.push(result.data as z.output<T>);
      else for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: `${name}[${index}]: ${issue.message}` });
    });
    return out;
  });
}

const orgInfo = z.object(
  {
    orgCode: requiredString("orgCode", 64),
    orgName: requiredString("orgName", 128),
    parentCode: optionalString("parentCode", 64),
  },
  { error: () => "each org must be a JSON object" },
);
export type KitOrgInfo = z.output<typeof orgInfo>;

const enableField = z.unknown().transform((value, ctx): boolean | undefined => {
  if (value === undefined || value === null || value === "") return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  ctx.addIssue({ code: "custom", message: `enable must be "true" or "false" (got ${JSON.stringify(value)})` });
  return z.NEVER;
}).optional();

const userInfo = z.object(
  {
    userName: requiredString("userName", 64),
    name: optionalString("name", 64),
    orgCode: optionalString("orgCode", 64),
    position: optionalString("position", 64),
    employeeCode: optionalString("employeeCode", 64),
    employeeType: optionalInteger("employeeType", 0, 99_999_999_999),
    role: z
      .union([z.literal(""), z.enum(["user", "admin"])], { error: (issue) => `role must be user or admin (got ${JSON.stringify(issue.input)})` })
      .optional()
      .transform((value) => (value === "" ? undefined : value)),
    enable: enableField,
    mobile: optionalString("mobile", 32),
    email: optionalString("email", 128),
    workPlace: optionalString("workPlace", 255),
  },
  { error: () => "each user must be a JSON object" },
);
export type KitUserInfo = z.output<typeof userInfo>;

const SCHEMAS = {
  tenantSync: (_g: KitGeneration) =>
    z.object({
      ...common,
      orderId: possiblyEmptyId("orderId"),
      tenantCode: requiredString("tenantCode", 64),
      name: requiredString("name", 255),
      domainName: requiredString("domainName", 255),
      flag: integerField("flag", [0, 1, 2] as const),
    }),
  applicationSync: (g: KitGeneration) =>
    z.object({
      ...common,
      appId: requiredString("appId", 64),
      clientId: requiredString("clientId", 64),
      // RSA-OAEP ciphertext (§2.7); kept as received, never decrypted here.
      clientSecret: requiredString("clientSecret", 4096),
      flag: g === "v1" ? integerField("flag", [0, 1] as const) : integerField("flag", [0, 1, 2] as const),
    }),
  authSync: (_g: KitGeneration) =>
    z
      .object({
        ...common,
        appId: requiredString("appId", 64),
        userList: listOrJsonString("userList", userInfo),
        currentSyncTime: kitTime("currentSyncTime"),
        flag: integerField("flag", [0, 1, 2, 3] as const),
      })
      .superRefine((data, ctx) => {
        // A delete or a cancelled authorisation needs only the account; add and modify need the profile.
        if (data.flag !== 1 && data.flag !== 2) return;
        data.userList.forEach((user, index) => {
          for (const field of ["name", "orgCode", "role", "enable"] as const) {
            if (user[field] === undefined) ctx.addIssue({ code: "custom", message: `userList[${index}]: ${field} is required when flag is ${data.flag}` });
          }
        });
      }),
  singleOrgSync: (_g: KitGeneration) =>
    z.object({
      ...common,
      orgCode: requiredString("orgCode", 64),
      orgName: requiredString("orgName", 128),
      parentCode: optionalString("parentCode", 64),
      flag: integerField("flag", [0, 1, 2] as const),
    }),
  allOrgSync: (_g: KitGeneration) =>
    z.object({
      ...common,
      orgInfoList: listOrJsonString("orgInfoList", orgInfo).optional(),
      orgInfo: listOrJsonString("orgInfo", orgInfo).optional(),
    }),
} as const;

type Outputs = { [K in KitInterfaceName]: z.output<ReturnType<(typeof SCHEMAS)[K]>> };

export type TenantSyncBody = Outputs["tenantSync"];
export type ApplicationSyncBody = Outputs["applicationSync"];
export type AuthSyncBody = Outputs["authSync"];
export type SingleOrgSyncBody = Outputs["singleOrgSync"];
/** allOrgSync with the tree read from orgInfoList (V2) or orgInfo (V1), whichever was sent. */
export type AllOrgSyncBody = Omit<Outputs["allOrgSync"], "orgInfoList" | "orgInfo"> & { orgs: KitOrgInfo[] };

export type KitRequest =
  | { name: "tenantSync"; data: TenantSyncBody }
  | { name: "applicationSync"; data: ApplicationSyncBody }
  | { name: "authSync"; data: AuthSyncBody }
  | { name: "singleOrgSync"; data: SingleOrgSyncBody }
  | { name: "allOrgSync"; data: AllOrgSyncBody };

export type KitParseResult =
  | ({ ok: true; ignoredFields: string[] } & KitRequest)
  | { ok: false; resultCode: "000002"; message: string };

/** The field every valid kit body states; read before validation to mark test traffic even when the rest is bad. */
export function kitTestFlagOf(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const flag = (body as Record<string, unknown>).testFlag;
  return flag === 1 || flag === "1";
}

/**
 * Validates a kit body (already parsed from JSON; the signature check has
 * the raw text). Unknown names are for the caller to refuse before this.
 */
export function parseKitRequest(name: KitInterfaceName, generation: KitGeneration, body: unknown): KitParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, resultCode: "000002", message: `${name}: the request body must be a JSON object` };
  }
  const schema = SCHEMAS[name](generation) as z.ZodType;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, resultCode: "000002", message: formatIssues(name, parsed.error) };
  const known = new Set(Object.keys((schema as unknown as z.ZodObject).shape));
  const ignoredFields = Object.keys(body).filter((field) => !known.has(field));
  if (name === "allOrgSync") {
    const { orgInfoList, orgInfo, ...rest } = parsed.data as Outputs["allOrgSync"];
    if (orgInfoList !== undefined && orgInfo !== undefined) {
      return { ok: false, resultCode: "000002", message: "allOrgSync: send the tree as orgInfoList or as orgInfo, not both" };
    }
    const orgs = orgInfoList ?? orgInfo;
    if (orgs === undefined) return { ok: false, resultCode: "000002", message: `allOrgSync: ${generation === "v1" ? "orgInfo" : "orgInfoList"} is required` };
    const codes = new Set<string>();
    for (const org of orgs) {
      if (codes.has(org.orgCode)) return { ok: false, resultCode: "000002", message: `allOrgSync: orgCode ${JSON.stringify(org.orgCode)} appears twice` };
      codes.add(org.orgCode);
    }
    return { ok: true, name, data: { ...rest, orgs }, ignoredFields };
  }
  return { ok: true, name, data: parsed.data, ignoredFields } as { ok: true; ignoredFields: string[] } & KitRequest;
}
