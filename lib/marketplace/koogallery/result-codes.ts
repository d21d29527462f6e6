/*
 * Result codes (§6). `message` is the short English text the merchant sends
 * in resultMsg: the four marked "sample" are the official sample's own
 * wording; the others are ours, since the sample's texts for them were not
 * captured. `description` is the Chinese meaning from the docs.
 */

interface ResultCodeInfo {
  readonly name: string;
  readonly message: string;
  readonly description: string;
  readonly scope: string;
}

export const RESULT_CODES = {
  // sample
  "000000": { name: "SUCCESS", message: "success.", description: "成功", scope: "all" },
  // sample
  "000001": { name: "AUTH_FAILED", message: "token is invalid", description: "鉴权失败", scope: "all" },
  // sample
  "000002": { name: "INVALID_PARAM", message: "param is invalid", description: "请求参数不合法", scope: "all" },
  // sample
  "000003": {
    name: "INSTANCE_NOT_FOUND",
    message: "instance is invalid",
    description: "实例ID不存在",
    scope: "refreshInstance, expireInstance, instanceStatus/updateInstanceStatus, releaseInstance, upgrade",
  },
  "000004": {
    name: "PROCESSING",
    message: "request is being processed",
    description: "请求处理中",
    scope: "V2 newInstance (asynchronous opening; the marketplace then polls queryInstance)",
  },
  "000005": { name: "OTHER_ERROR", message: "internal service error", description: "其它服务内部错误", scope: "all" },
  "000100": {
    name: "NO_RESOURCES",
    message: "no instance resources available",
    description: "无可用实例资源分配",
    scope: "newInstance, upgrade",
  },
  // The sample also uses 000101 for "something wrong with appSecret" (kit applicationSync).
  "000101": {
    name: "MOBILE_INVALID",
    message: "mobile phone is missing or already exists",
    description: "手机号未填写或已存在",
    scope: "V1 newInstance",
  },
  "000102": {
    name: "EMAIL_INVALID",
    message: "email is missing or already exists",
    description: "邮箱未填写或已存在",
    scope: "V1 newInstance",
  },
  "000103": { name: "ALREADY_PURCHASED", message: "product already purchased", description: "已购买过此商品", scope: "V1" },
  "000104": { name: "INTERNAL_ERROR", message: "internal service error", description: "服务内部错误", scope: "V1" },
  "000105": {
    name: "BENEFIT_ALREADY_SUBSCRIBED",
    message: "account already subscribed to this benefit",
    description: "账号已订购该权益",
    scope: "V1",
  },
  "000106": { name: "SOLD_OUT", message: "product resources sold out", description: "商品资源已售罄", scope: "V1" },
  "000107": {
    name: "EMAIL_DOMAIN_EXISTS",
    message: "SaaS email domain already exists",
    description: "SaaS邮箱域名已存在",
    scope: "V1",
  },
  "000900": {
    name: "LICENSE_QUOTA_INSUFFICIENT",
    message: "license quota of the current order is insufficient",
    description: "实例当前生效订单的License额度不足",
    scope: "getLicenseAsync",
  },
  "000901": {
    name: "LICENSE_OUTSIDE_ORDER_PERIOD",
    message: "license must be requested within the order's validity period",
    description: "License须在当前订单有效期内申请",
    scope: "getLicenseAsync",
  },
  "000902": {
    name: "LICENSE_EXPIRY_REQUIRED",
    message: "a periodic license must carry an expiry time",
    description: "包周期License须携带到期时间",
    scope: "getLicenseAsync",
  },
  "000903": {
    name: "DEVICE_FINGERPRINT_REQUIRED",
    message: "a device fingerprint or hardware ID is required",
    description: "须提供设备指纹或硬件ID",
    scope: "getLicenseAsync",
  },
} as const satisfies Record<string, ResultCodeInfo>;

export type ResultCode = keyof typeof RESULT_CODES;
export type ResultCodeName = (typeof RESULT_CODES)[ResultCode]["name"];

/** RESULT_CODE.SUCCESS === "000000", and so on. */
export const RESULT_CODE = Object.fromEntries(
  Object.entries(RESULT_CODES).map(([code, info]) => [info.name, code]),
) as { readonly [C in ResultCode as (typeof RESULT_CODES)[C]["name"]]: C };

/** The only code the marketplace treats as success (together with HTTP 200). */
export function isSuccessCode(code: string): code is "000000" {
  return code === "000000";
}

export function isResultCode(code: string): code is ResultCode {
  return Object.hasOwn(RESULT_CODES, code);
}

export function defaultResultMessage(code: ResultCode): string {
  return RESULT_CODES[code].message;
}

/** Open-API result codes of the license-code APIs (§7.3). */
export const LICENSE_CODE_API_CODES = {
  "92020000": { message: "Success", description: "成功" },
  "92020001": { message: "internal error", description: "内部错误" },
  "92020002": { message: "invalid param", description: "参数不合法" },
  "92020003": { message: "illegal state", description: "状态不合法(如重复激活)" },
  "92020004": { message: "cannot activate before the user has received it", description: "用户领取前不能激活" },
  "92020005": { message: "license code does not exist", description: "授权码不存在" },
} as const;

/** Usage push (§7.2) error_code values with their HTTP status. */
export const USAGE_PUSH_ERROR_CODES = {
  "MKT.0000": { httpStatus: 200, message: "success", description: "成功" },
  "MKT.0999": { httpStatus: 500, message: "internal error", description: "系统内部错误" },
  "MKT.0100": { httpStatus: 500, message: "input parameter failure", description: "输入参数校验失败" },
  "MKT.0101": { httpStatus: 400, message: "invalid parameter", description: "参数不合法" },
  "MKT.0102": { httpStatus: 400, message: "invalid body sign", description: "请求体签名不合法" },
  "MKT.0199": { httpStatus: 400, message: "request parameter error", description: "请求参数错误" },
  "MKT.0150": { httpStatus: 401, message: "illegal operation: the instance is not this ISV's", description: "非法操作,实例不属于该商家" },
  "MKT.0151": { httpStatus: 401, message: "no authority", description: "无权限" },
  "MKT.0154": { httpStatus: 401, message: "illegal token", description: "非法token" },
  "MKT.9001": { httpStatus: 500, message: "instance ID not found", description: "实例ID不存在" },
  "MKT.9002": { httpStatus: 500, message: "invalid usage entities", description: "使用量记录不合法" },
  "MKT.9003": { httpStatus: 500, message: "too many records, limit 1000", description: "记录数超过1000条" },
  "MKT.9004": {
    httpStatus: 500,
    message: "record beginTime beyond limit, must be within 21 days",
    description: "记录开始时间须在21天内",
  },
} as const;

export type UsagePushErrorCode = keyof typeof USAGE_PUSH_ERROR_CODES;

/** Per-record failure codes in a usage-push response. */
export const USAGE_RECORD_ERROR_CODES = {
  "001": { message: "instance not found", description: "实例不存在" },
  "002": { message: "bad time format", description: "时间格式错误" },
  "003": { message: "bad usage value", description: "使用量值错误" },
  "004": { message: "missing record unique ID", description: "缺少记录唯一标识" },
  "005": { message: "duplicate record unique ID", description: "记录唯一标识重复" },
  "006": { message: "the instance's product is delisted", description: "实例对应商品已下架" },
  "007": { message: "record time expired", description: "记录时间已过期" },
  "009": { message: "instance does not belong to this ISV", description: "实例不属于该商家" },
  "010": { message: "duplicate record", description: "重复记录" },
  "011": { message: "invalid time range", description: "时间范围不合法" },
  "012": { message: "not an on-demand instance", description: "非按需实例" },
  "013": { message: "abnormal instance status", description: "实例状态异常" },
} as const;
