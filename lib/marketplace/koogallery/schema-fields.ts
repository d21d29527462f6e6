import { z } from "zod";
import { decodeSaasExtendParams, MAX_SAAS_EXTEND_PARAMS_LENGTH } from "./saas-extend-params";
import type { TimeParseResult } from "./time-formats";

/*
 * Field builders shared by the V1 and V2 request schemas. Every message
 * names the field and the rule, because it goes back to the marketplace's
 * debug tool verbatim in resultMsg and is what the seller reads there.
 *
 * Optional fields treat "" as absent: the debug cases send, for example,
 * productId= with an empty value.
 */

export const MAX_QUERY_INSTANCE_IDS = 100;

function stringError(name: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `${name} is required` : `${name} must be a string`);
}

export function requiredString(name: string, max?: number) {
  const base = z
    .string({ error: stringError(name) })
    .refine((value) => value.trim() !== "", `${name} must not be empty`);
  return max === undefined ? base : base.refine((value) => value.length <= max, `${name} must be at most ${max} characters`);
}

export function optionalString(name: string, max?: number) {
  const base = z.string({ error: stringError(name) });
  return (max === undefined ? base : base.max(max, `${name} must be at most ${max} characters`))
    .optional()
    .transform((value) => (value === "" ? undefined : value));
}

function enumError(name: string, values: readonly string[]) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `${name} is required; expected one of ${values.join(", ")}`
      : `${name} must be one of ${values.join(", ")} (got ${JSON.stringify(issue.input)})`;
}

export function requiredEnum<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.enum(values, { error: enumError(name, values) });
}

export function optionalEnum<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z
    .union([z.literal(""), z.enum(values)], { error: enumError(name, values) })
    .optional()
    .transform((value) => (value === "" ? undefined : value));
}

/** "0" or "1"; absent or "0" means production (§3.2: accept both). */
export function testFlagField() {
  return optionalEnum("testFlag", ["0", "1"]);
}

export function optionalIntegerString(name: string, maxDigits: number) {
  return optionalString(name).refine(
    (value) => value === undefined || new RegExp(`^\\d{1,${maxDigits}}$`).test(value),
    `${name} must be a whole number of at most ${maxDigits} digits`,
  );
}

/** orderAmount: ≥ 0 with at most 3 decimal places. */
export function optionalAmount(name: string) {
  return optionalString(name).refine(
    (value) => value === undefined || /^\d+(\.\d{1,3})?$/.test(value),
    `${name} must be a non-negative amount with at most 3 decimal places`,
  );
}

type TimeParser = (value: unknown, label?: string) => TimeParseResult;

function checkTime(parse: TimeParser, name: string, value: string, ctx: z.RefinementCtx) {
  const result = parse(value, name);
  if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
}

export function requiredTime(name: string, max: number, parse: TimeParser) {
  return requiredString(name, max).superRefine((value, ctx) => checkTime(parse, name, value, ctx));
}

export function optionalTime(name: string, max: number, parse: TimeParser) {
  return optionalString(name, max).superRefine((value, ctx) => {
    if (value !== undefined) checkTime(parse, name, value, ctx);
  });
}

export function optionalSaasExtendParams() {
  return optionalString("saasExtendParams", MAX_SAAS_EXTEND_PARAMS_LENGTH).superRefine((value, ctx) => {
    if (value === undefined) return;
    const decoded = decodeSaasExtendParams(value);
    if (!decoded.ok) ctx.addIssue({ code: "custom", message: decoded.message });
  });
}

/** Splits a comma-separated instanceId list: items trimmed, empty items dropped, duplicates removed. */
export function splitInstanceIds(value: string): string[] {
  return [...new Set(value.split(",").map((id) => id.trim()).filter((id) => id !== ""))];
}

/** queryInstance's instanceId: 1-100 comma-separated IDs of at most 64 characters each. */
export function instanceIdList(name = "instanceId") {
  return requiredString(name).superRefine((value, ctx) => {
    const ids = splitInstanceIds(value);
    if (ids.length === 0) ctx.addIssue({ code: "custom", message: `${name} must list at least one instance ID` });
    if (ids.length > MAX_QUERY_INSTANCE_IDS) {
      ctx.addIssue({
        code: "custom",
        message: `${name} lists ${ids.length} instance IDs, more than the limit of ${MAX_QUERY_INSTANCE_IDS}`,
      });
    }
    const long = ids.find((id) => id.length > 64);
    if (long !== undefined) ctx.addIssue({ code: "custom", message: `${name} item ${JSON.stringify(long.slice(0, 70))} is longer than 64 characters` });
  });
}

export interface ActivityDefinition<S extends z.ZodType> {
  schema: S;
  /** Field names the schema reads; anything else is reported as ignored. */
  fields: readonly string[];
}

export function defineActivity<const Shape extends z.ZodRawShape>(shape: Shape) {
  return { schema: z.object(shape), fields: Object.keys(shape) } as const;
}

export function formatIssues(activity: string, error: z.ZodError): string {
  const messages = [...new Set(error.issues.map((issue) => issue.message))];
  return `${activity}: ${messages.join("; ")}`;
}
