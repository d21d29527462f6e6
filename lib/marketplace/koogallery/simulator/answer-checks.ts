import { decryptCredential, MAX_CREDENTIAL_CIPHERTEXT_LENGTH, type EncryptType } from "../aes-credentials";
import { BODY_SIGN_HEADER, verifyBodySign } from "../body-sign";
import type { SimGeneration } from "./catalogue";

/*
 * The 接口调测 tool's checks on a seller's answer (§1, §9), in the order it
 * reports them, with its own error wording so that a seller reading the
 * simulator's verdict reads what the marketplace would show.
 */

/** The debugging tool's messages, verbatim from its FAQ (access_topic_0000008). */
export const MARKETPLACE_MESSAGES = {
  unreachable: "生产地址不可达",
  timeout: (seconds: number) => `调用接口超时${seconds}s`,
  httpStatus: (status: number) => `接口响应httpCode=${status}`,
  contentType: "响应content-type格式错误",
  parseBody: "解析响应体失败",
  resultCode: "调用失败,生产接口resultCode返回错误.",
  missingField: (field: string) => `调测失败,接口响应缺少${field}.`,
} as const;

/*
 * No wording was published for credentials that do not decrypt (the FAQ only
 * says the buyer then cannot see them), so these two are the simulator's own,
 * phrased like the tool's.
 */
export const SIMULATOR_MESSAGES = {
  credentialDoesNotDecrypt: (field: string) => `调测失败,接口响应${field}无法解密.`,
  credentialTooLong: (field: string) => `调测失败,接口响应${field}超过${MAX_CREDENTIAL_CIPHERTEXT_LENGTH}个字符.`,
} as const;

export type HttpExchange =
  | { kind: "answered"; status: number; headers: Record<string, string>; body: string; latencyMs: number }
  | { kind: "unreachable"; detail: string; latencyMs: number }
  | { kind: "timeout"; timeoutMs: number; latencyMs: number };

export type CheckName =
  | "reachable"
  | "httpStatus"
  | "contentType"
  | "parseBody"
  | "bodySign"
  | "resultCode"
  | "requiredFields"
  | "credentials";

export interface AnswerCheck {
  name: CheckName;
  ok: boolean;
  /** The marketplace's wording when the check failed. */
  message?: string;
  /** Extra explanation for the operator (what was expected, what came). */
  detail?: string;
}

export interface DecryptedCredentials {
  instanceId?: string;
  userName?: string;
  password?: string;
}

export interface AnswerVerdict {
  verdict: "pass" | "fail";
  /** The first failed check's message, exactly as the marketplace words it. */
  error: string | null;
  checks: AnswerCheck[];
  resultCode: string | null;
  resultMsg: string | null;
  answer: Record<string, unknown> | null;
  /** V2 newInstance answered 000004: opening asynchronously, poll queryInstance. */
  isAsync: boolean;
  credentials: DecryptedCredentials[];
}

/**
 * - "required": V1 always signs (§2.3).
 * - "if-present": V2's signing is an open question (§13.1): a header that is
 *   there must verify, a missing one is not held against the seller.
 */
export type BodySignPolicy = "required" | "if-present" | "off";

export interface CheckAnswerInput {
  generation: SimGeneration;
  activity: string;
  exchange: HttpExchange;
  /** The key that signed the request; it also signs the answer and encrypts credentials. */
  key: string;
  bodySign?: BodySignPolicy;
  /** 按需 and 按需套餐包 instances must report usage in queryInstance (§3.1). */
  requireUsage?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const nonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

const headerOf = (headers: Record<string, string>, name: string) => {
  const wanted = name.toLowerCase();
  const found = Object.keys(headers).find((key) => key.toLowerCase() === wanted);
  return found === undefined ? undefined : headers[found];
};

/** Which field is missing from a successful answer, named as the tool names it. */
function missingField(activity: string, answer: Record<string, unknown>, isAsync: boolean, requireUsage: boolean): string | null {
  if (activity === "newInstance") {
    if (!nonEmptyString(answer.instanceId)) return "instanceId";
    if (isAsync) return null;
    if (!isRecord(answer.appInfo) || !nonEmptyString(answer.appInfo.frontEndUrl)) return "frontEndUrl";
    return null;
  }
  if (activity === "queryInstance") {
    if (!Array.isArray(answer.info) || answer.info.length === 0) return "info";
    for (const info of answer.info) {
      if (!isRecord(info) || !nonEmptyString(info.instanceId)) return "instanceId";
      if (info.usageInfo === undefined || info.usageInfo === null) {
        if (requireUsage) return "usageInfo";
        continue;
      }
      if (!Array.isArray(info.usageInfo)) return "usageInfo";
      for (const usage of info.usageInfo) {
        if (!isRecord(usage) || usage.usageValue === undefined || usage.usageValue === null || usage.usageValue === "") return "usageValue";
        if (!nonEmptyString(usage.statisticalTime)) return "statisticalTime";
      }
    }
    return null;
  }
  if (activity === "getLicense" && !nonEmptyString(answer.license)) return "license";
  return null;
}

function appInfosOf(activity: string, answer: Record<string, unknown>): { instanceId?: string; appInfo: Record<string, unknown> }[] {
  if (activity === "newInstance" && isRecord(answer.appInfo)) {
    return [{ instanceId: nonEmptyString(answer.instanceId) ? answer.instanceId : undefined, appInfo: answer.appInfo }];
  }
  if (activity === "queryInstance" && Array.isArray(answer.info)) {
    return answer.info.filter(isRecord).flatMap((info) =>
      isRecord(info.appInfo) ? [{ instanceId: nonEmptyString(info.instanceId) ? info.instanceId : undefined, appInfo: info.appInfo }] : [],
    );
  }
  return [];
}

function checkCredentials(
  activity: string,
  answer: Record<string, unknown>,
  key: string,
): { check: AnswerCheck; credentials: DecryptedCredentials[] } {
  const encryptType: EncryptType = answer.encryptType === "2" ? "2" : "1";
  const credentials: DecryptedCredentials[] = [];
  for (const { instanceId, appInfo } of appInfosOf(activity, answer)) {
    const decrypted: DecryptedCredentials = { instanceId };
    for (const field of ["userName", "password"] as const) {
      const value = appInfo[field];
      if (value === undefined || value === null || value === "") continue;
      const label = `appInfo.${field}`;
      if (typeof value !== "string") {
        return { check: { name: "credentials", ok: false, message: SIMULATOR_MESSAGES.credentialDoesNotDecrypt(label), detail: `${label} is not a string` }, credentials };
      }
      if (value.length > MAX_CREDENTIAL_CIPHERTEXT_LENGTH) {
        return { check: { name: "credentials", ok: false, message: SIMULATOR_MESSAGES.credentialTooLong(label), detail: `${value.length} characters` }, credentials };
      }
      // Decrypted with the key size the answer declares (encryptType, default 1 = AES-256).
      const result = decryptCredential(value, key, { encryptTypes: [encryptType] });
      if (!result.ok) {
        return { check: { name: "credentials", ok: false, message: SIMULATOR_MESSAGES.credentialDoesNotDecrypt(label), detail: result.message }, credentials };
      }
      decrypted[field] = result.plaintext;
    }
    if (decrypted.userName !== undefined || decrypted.password !== undefined) credentials.push(decrypted);
  }
  return { check: { name: "credentials", ok: true }, credentials };
}

export function checkAnswer(input: CheckAnswerInput): AnswerVerdict {
  const checks: AnswerCheck[] = [];
  const base = { resultCode: null, resultMsg: null, answer: null, isAsync: false, credentials: [] };
  const fail = (check: AnswerCheck, extra: Partial<AnswerVerdict> = {}): AnswerVerdict => {
    checks.push(check);
    return { ...base, ...extra, verdict: "fail", error: check.message ?? null, checks };
  };
  const { exchange } = input;

  if (exchange.kind === "unreachable") {
    return fail({ name: "reachable", ok: false, message: MARKETPLACE_MESSAGES.unreachable, detail: exchange.detail });
  }
  if (exchange.kind === "timeout") {
    return fail({ name: "reachable", ok: false, message: MARKETPLACE_MESSAGES.timeout(Math.round(exchange.timeoutMs / 1000)) });
  }
  checks.push({ name: "reachable", ok: true });

  if (exchange.status !== 200) {
    return fail({ name: "httpStatus", ok: false, message: MARKETPLACE_MESSAGES.httpStatus(exchange.status) });
  }
  checks.push({ name: "httpStatus", ok: true });

  const contentType = headerOf(exchange.headers, "content-type") ?? "";
  // Parameters such as charset=UTF-8 (what Spring sends) are fine; the media type must be JSON.
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "application/json") {
    return fail({ name: "contentType", ok: false, message: MARKETPLACE_MESSAGES.contentType, detail: `Content-Type: ${contentType || "(none)"}` });
  }
  checks.push({ name: "contentType", ok: true });

  let answer: unknown;
  try {
    answer = JSON.parse(exchange.body);
  } catch {
    return fail({ name: "parseBody", ok: false, message: MARKETPLACE_MESSAGES.parseBody, detail: "the body is not JSON" });
  }
  if (!isRecord(answer) || typeof answer.resultCode !== "string" || typeof answer.resultMsg !== "string") {
    return fail({ name: "parseBody", ok: false, message: MARKETPLACE_MESSAGES.parseBody, detail: "resultCode or resultMsg is missing" });
  }
  checks.push({ name: "parseBody", ok: true });
  const parsed = { answer, resultCode: answer.resultCode, resultMsg: answer.resultMsg };

  const policy = input.bodySign ?? (input.generation === "v1" ? "required" : "if-present");
  const signHeader = headerOf(exchange.headers, BODY_SIGN_HEADER);
  if (policy === "required" || (policy === "if-present" && signHeader !== undefined)) {
    const verified = verifyBodySign({ body: exchange.body, header: signHeader, key: input.key });
    if (!verified.ok) {
      return fail({ name: "bodySign", ok: false, message: verified.message, detail: verified.reason === "malformed-header" ? verified.detail : undefined }, parsed);
    }
    checks.push({ name: "bodySign", ok: true });
  }

  const isAsync = input.generation === "v2" && input.activity === "newInstance" && answer.resultCode === "000004";
  if (answer.resultCode !== "000000" && !isAsync) {
    return fail({ name: "resultCode", ok: false, message: MARKETPLACE_MESSAGES.resultCode, detail: `${answer.resultCode} ${answer.resultMsg}` }, parsed);
  }
  checks.push({ name: "resultCode", ok: true });

  const missing = missingField(input.activity, answer, isAsync, input.requireUsage ?? false);
  if (missing) return fail({ name: "requiredFields", ok: false, message: MARKETPLACE_MESSAGES.missingField(missing) }, { ...parsed, isAsync });
  checks.push({ name: "requiredFields", ok: true });

  const { check, credentials } = checkCredentials(input.activity, answer, input.key);
  if (!check.ok) return fail(check, { ...parsed, isAsync, credentials });
  checks.push(check);

  return { ...parsed, verdict: "pass", error: null, checks, isAsync, credentials };
}
