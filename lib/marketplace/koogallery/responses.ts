import {
  checkCredentialLength,
  DEFAULT_ENCRYPT_TYPE,
  encryptCredential,
  MAX_CREDENTIAL_CIPHERTEXT_LENGTH,
  type EncryptType,
} from "./aes-credentials";
import { BODY_SIGN_HEADER, computeBodySign, formatBodySignHeader } from "./body-sign";
import { defaultResultMessage, type ResultCode } from "./result-codes";
import { formatStatisticalTime, parseStatisticalTime } from "./time-formats";

/*
 * Answers to marketplace callbacks. Builders check the documented limits
 * and throw KooGalleryAnswerError for values the handler should never have
 * produced; serializeAnswer fixes the exact bytes and signs them.
 *
 * The debug tool reports a missing instanceId/frontEndUrl (newInstance) or
 * usageValue/statisticalTime (queryInstance) as a failure, so those are
 * required here even where the field tables mark appInfo optional.
 */

export class KooGalleryAnswerError extends Error {
  override readonly name = "KooGalleryAnswerError";
}

export const MAX_RESULT_MSG_LENGTH = 255;
export const MAX_MEMO_LENGTH = 1024;

export interface AppInfo {
  frontEndUrl: string;
  adminUrl?: string;
  /** Encrypted (see encryptAppInfo): iv + Base64, at most 128 characters. */
  userName?: string;
  password?: string;
  memo?: string;
}

export interface UsageInfo {
  relatedInstanceId?: string;
  /** Double(12,4): ≥ 0, at most 8 integer digits and 4 decimals. */
  usageValue: number;
  /** A Date is written as UTC yyyyMMddHHmmssSSS. */
  statisticalTime: Date | string;
  dashboardUrl?: string;
}

export interface InstanceInfo {
  instanceId: string;
  appInfo?: AppInfo;
  usageInfo?: readonly UsageInfo[];
}

export interface ResultAnswer {
  resultCode: ResultCode;
  resultMsg: string;
}

export interface NewInstanceAnswer extends ResultAnswer {
  instanceId: string;
  encryptType?: EncryptType;
  appInfo?: AppInfo;
}

export interface QueryInstanceAnswer extends ResultAnswer {
  encryptType?: EncryptType;
  info: InstanceInfo[];
}

export interface LicenseAnswer extends ResultAnswer {
  license: string;
  instanceId?: string;
}

export type Answer = ResultAnswer | NewInstanceAnswer | QueryInstanceAnswer | LicenseAnswer;

function fail(message: string): never {
  throw new KooGalleryAnswerError(message);
}

function checkText(value: string | undefined, name: string, max: number, required = false): void {
  if (value === undefined) {
    if (required) fail(`${name} is required`);
    return;
  }
  if (value.trim() === "") fail(`${name} must not be empty`);
  if (value.length > max) fail(`${name} is ${value.length} characters, more than ${max}`);
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function message(resultCode: ResultCode, resultMsg: string | undefined): string {
  // resultMsg is often built from validation messages; cutting it is better
  // than failing the answer over its length.
  return (resultMsg ?? defaultResultMessage(resultCode)).slice(0, MAX_RESULT_MSG_LENGTH);
}

/** resultCode + resultMsg only: refresh/expire/release/upgrade/status answers and every failure. */
export function buildResultAnswer(resultCode: ResultCode, resultMsg?: string): ResultAnswer {
  return { resultCode, resultMsg: message(resultCode, resultMsg) };
}

function checkAppInfo(appInfo: AppInfo, path: string): AppInfo {
  checkText(appInfo.frontEndUrl, `${path}.frontEndUrl`, 512, true);
  checkText(appInfo.adminUrl, `${path}.adminUrl`, 512);
  checkText(appInfo.userName, `${path}.userName`, MAX_CREDENTIAL_CIPHERTEXT_LENGTH);
  checkText(appInfo.password, `${path}.password`, MAX_CREDENTIAL_CIPHERTEXT_LENGTH);
  if (appInfo.memo !== undefined && appInfo.memo.length > MAX_MEMO_LENGTH) {
    fail(`${path}.memo is ${appInfo.memo.length} characters, more than ${MAX_MEMO_LENGTH}`);
  }
  return defined({
    frontEndUrl: appInfo.frontEndUrl,
    adminUrl: appInfo.adminUrl,
    userName: appInfo.userName,
    password: appInfo.password,
    memo: appInfo.memo,
  });
}

export function buildNewInstanceAnswer(input: {
  instanceId: string;
  appInfo?: AppInfo;
  encryptType?: EncryptType;
  /** 000004 (V2 only) tells the marketplace to poll queryInstance. */
  resultCode?: "000000" | "000004";
  resultMsg?: string;
}): NewInstanceAnswer {
  const resultCode = input.resultCode ?? "000000";
  checkText(input.instanceId, "instanceId", 64, true);
  if (resultCode === "000000" && input.appInfo === undefined) {
    fail("appInfo with frontEndUrl is required in a successful newInstance answer");
  }
  return defined({
    resultCode,
    resultMsg: message(resultCode, input.resultMsg),
    instanceId: input.instanceId,
    encryptType: input.encryptType,
    appInfo: input.appInfo === undefined ? undefined : checkAppInfo(input.appInfo, "appInfo"),
  });
}

function checkUsage(usage: UsageInfo, path: string): UsageInfo {
  checkText(usage.relatedInstanceId, `${path}.relatedInstanceId`, 64);
  checkText(usage.dashboardUrl, `${path}.dashboardUrl`, 512);
  const value = usage.usageValue;
  if (!Number.isFinite(value) || value < 0) fail(`${path}.usageValue must be a finite number ≥ 0`);
  if (value >= 1e8) fail(`${path}.usageValue has more than 8 integer digits (Double(12,4))`);
  if (Math.round(value * 1e4) / 1e4 !== value) fail(`${path}.usageValue has more than 4 decimal places`);
  let statisticalTime: string;
  if (usage.statisticalTime instanceof Date) {
    statisticalTime = formatStatisticalTime(usage.statisticalTime);
  } else {
    const parsed = parseStatisticalTime(usage.statisticalTime);
    if (!parsed.ok) fail(`${path}.${parsed.message}`);
    statisticalTime = usage.statisticalTime;
  }
  return defined({
    relatedInstanceId: usage.relatedInstanceId,
    usageValue: value,
    statisticalTime,
    dashboardUrl: usage.dashboardUrl,
  });
}

export function buildQueryInstanceAnswer(input: {
  info: readonly InstanceInfo[];
  encryptType?: EncryptType;
  resultMsg?: string;
}): QueryInstanceAnswer {
  const info = input.info.map((item, index) => {
    const path = `info[${index}]`;
    checkText(item.instanceId, `${path}.instanceId`, 64, true);
    return defined({
      instanceId: item.instanceId,
      appInfo: item.appInfo === undefined ? undefined : checkAppInfo(item.appInfo, `${path}.appInfo`),
      usageInfo: item.usageInfo?.map((usage, u) => checkUsage(usage, `${path}.usageInfo[${u}]`)),
    });
  });
  return defined({
    resultCode: "000000" as const,
    resultMsg: message("000000", input.resultMsg),
    encryptType: input.encryptType,
    info,
  });
}

/**
 * V1 getLicense answer. The same orderId must get the same license back
 * (issueLicence is deterministic for that reason).
 */
export function buildLicenseAnswer(input: { license: string; instanceId?: string; resultMsg?: string }): LicenseAnswer {
  if (input.license.trim() === "") fail("license must not be empty");
  checkText(input.instanceId, "instanceId", 64);
  return defined({
    resultCode: "000000" as const,
    resultMsg: message("000000", input.resultMsg),
    license: input.license,
    instanceId: input.instanceId,
  });
}

export interface PlainAppInfo extends Omit<AppInfo, "userName" | "password"> {
  userName?: string;
  password?: string;
}

export type EncryptAppInfoResult = { ok: true; appInfo: AppInfo; encryptType: EncryptType } | { ok: false; message: string };

/**
 * Encrypts userName and password (§2.6) with the merchant key, each with its
 * own random iv. Fails, naming the field, when a value cannot fit the
 * 128-character limit once encrypted.
 */
export function encryptAppInfo(
  appInfo: PlainAppInfo,
  keyString: string,
  options: { encryptType?: EncryptType; randomBytes?: (size: number) => Uint8Array } = {},
): EncryptAppInfoResult {
  const encryptType = options.encryptType ?? DEFAULT_ENCRYPT_TYPE;
  const encrypted: AppInfo = { ...appInfo };
  for (const field of ["userName", "password"] as const) {
    const plain = appInfo[field];
    if (plain === undefined) continue;
    const check = checkCredentialLength(plain, `appInfo.${field}`);
    if (!check.ok) return { ok: false, message: check.message };
    encrypted[field] = encryptCredential(plain, keyString, { encryptType, randomBytes: options.randomBytes });
  }
  return { ok: true, appInfo: defined(encrypted), encryptType };
}

/** JSON with every non-ASCII character written as a \uXXXX escape (V1 requires it for memo). */
export function stringifyAsciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new KooGalleryAnswerError("the answer cannot be serialised to JSON");
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export interface SerializedAnswer {
  /** The exact text to send, UTF-8 encoded, with nothing appended. */
  body: string;
  headers: { "Content-Type": "application/json"; "Body-Sign"?: string };
}

function memosOf(answer: Answer): string[] {
  const memos: string[] = [];
  if ("appInfo" in answer && answer.appInfo?.memo !== undefined) memos.push(answer.appInfo.memo);
  if ("info" in answer) for (const item of answer.info) if (item.appInfo?.memo !== undefined) memos.push(item.appInfo.memo);
  return memos;
}

/**
 * Fixes the bytes of an answer and signs exactly those bytes.
 *
 * - v1: non-ASCII escaped, Body-Sign always (the marketplace verifies it).
 *   memo's 1024 limit is checked on its escaped form, the stricter reading.
 * - v2: plain UTF-8 JSON. [CONFLICT §13.1] Some V2 pages show Body-Sign on
 *   answers and the official sample sends none; adding it is harmless to a
 *   marketplace that ignores it, so it is on unless `bodySign: false`.
 *
 * Content-Type is exactly "application/json": the debug tool checks it, and
 * JSON is UTF-8 by definition (RFC 8259), so no charset parameter is added.
 */
export function serializeAnswer(
  answer: Answer,
  options: { generation: "v1" | "v2"; key: string; bodySign?: boolean },
): SerializedAnswer {
  let body: string;
  if (options.generation === "v1") {
    for (const memo of memosOf(answer)) {
      const escaped = stringifyAsciiJson(memo).length - 2;
      if (escaped > MAX_MEMO_LENGTH) fail(`memo is ${escaped} characters once escaped for V1, more than ${MAX_MEMO_LENGTH}`);
    }
    body = stringifyAsciiJson(answer);
  } else {
    body = JSON.stringify(answer);
  }
  const sign = options.generation === "v1" || options.bodySign !== false;
  if (sign && options.key === "") throw new KooGalleryAnswerError("a key is needed to sign the answer");
  return {
    body,
    headers: sign
      ? { "Content-Type": "application/json", [BODY_SIGN_HEADER]: formatBodySignHeader(computeBodySign(body, options.key)) }
      : { "Content-Type": "application/json" },
  };
}
