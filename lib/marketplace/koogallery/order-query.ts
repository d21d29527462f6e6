import Decimal from "decimal.js";
import { z } from "zod";
import { parseExpireTime, parseOrderCreateTime } from "./time-formats";

/*
 * 查询订单 (§7.1): GET /api/mkp-openapi-public/global/v1/order/query?orderId=&orderLineId=,
 * AK/SK signed (§2.9). The order-line sub-fields beyond orderLineId/chargingMode/expireTime were
 * not captured (§13.7), so the answer is read tolerantly: unknown fields are kept (the raw answer
 * is stored whole) and each amount is looked for under the names the sources use.
 *
 * Amounts (koogallery-money.md §4): `currency` is the order amount (empty for reverse orders),
 * `currencyAfterDiscount` the deal amount, negative for reverse orders. Some answers (and our
 * simulator) carry `currency` as a currency code with the amount in `orderAmount`; a three-letter
 * code in `currency` is read that way.
 */

export const ORDER_QUERY_PATH = "/api/mkp-openapi-public/global/v1/order/query";
export const ORDER_QUERY_SUCCESS_CODES: readonly string[] = ["MKT.0000", "000000"];

export const ORDER_TYPES = ["NEW", "TRIAL", "TRIAL_TO_FORMAL", "RENEW", "CHANGE", "UNSUBSCRIBE"] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const CHARGING_MODES = ["PERIOD", "ONE_TIME", "ON_DEMAND", "ON_DEMAND_PKG"] as const;
export type OpenApiChargingMode = (typeof CHARGING_MODES)[number];

export const isOrderType = (value: unknown): value is OrderType => typeof value === "string" && (ORDER_TYPES as readonly string[]).includes(value);

/** 退订 gives money back: its amounts are stored negative whatever sign the answer used. */
export const isReverseOrderType = (orderType: string | null | undefined): boolean => orderType === "UNSUBSCRIBE";

// V1 callbacks send the charging mode as an integer (§8), the open API as a word.
const V1_CHARGING_MODE: Record<string, OpenApiChargingMode> = { "0": "ON_DEMAND", "1": "PERIOD", "3": "ONE_TIME", "5": "ON_DEMAND_PKG" };

/** The open API word for a charging mode given as a word (any case) or a V1 integer; null when unknown. */
export function normalizeChargingMode(value: unknown): OpenApiChargingMode | null {
  if (typeof value === "number") return V1_CHARGING_MODE[String(value)] ?? null;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  const upper = trimmed.toUpperCase();
  if ((CHARGING_MODES as readonly string[]).includes(upper)) return upper as OpenApiChargingMode;
  return V1_CHARGING_MODE[trimmed] ?? null;
}

const AMOUNT_PATTERN = /^[+-]?(?:\d{1,17})(?:\.\d{1,3})?$/;

export type AmountParseResult = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * A marketplace amount as a decimal string with three places, never a float: "199" → "199.000".
 * Empty or missing is null (reverse orders leave `currency` empty). More than three decimals or
 * anything that is not a plain decimal is refused rather than rounded.
 */
export function parseMarketplaceAmount(value: unknown, label = "amount"): AmountParseResult {
  if (value === undefined || value === null || value === "") return { ok: true, value: null };
  // JSON numbers arrive as doubles; their shortest text is exact for the ≤ 3 decimals allowed.
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === null || !AMOUNT_PATTERN.test(text)) {
    return { ok: false, message: `${label} ${JSON.stringify(value)} is not a decimal amount with at most 3 decimal places` };
  }
  return { ok: true, value: new Decimal(text).toFixed(3) };
}

/** Reverse orders are refunds: the stored amount is negative (0 stays 0). */
export function signedAmount(amount: string | null, orderType: string | null | undefined): string | null {
  if (amount === null) return null;
  const value = new Decimal(amount);
  return (isReverseOrderType(orderType) ? value.abs().negated() : value).toFixed(3);
}

export function sumAmounts(values: readonly (string | null)[]): string | null {
  const present = values.filter((value): value is string => value !== null);
  if (present.length === 0) return null;
  return present.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed(3);
}

const text = (max: number) => z.string().max(max);
const amountInput = z.union([z.string(), z.number()]).nullish();
const keyValueSchema = z
  .object({ key: z.string().optional(), name: z.string().optional(), value: z.unknown().optional() })
  .loose();

const productInfoSchema = z
  .object({
    productId: z.string().nullish(),
    productCode: z.string().nullish(),
    skuCode: z.string().nullish(),
    productName: z.string().nullish(),
    linearValue: z.union([z.string(), z.number()]).nullish(),
  })
  .loose();

const orderLineSchema = z
  .object({
    orderLineId: text(64).min(1),
    chargingMode: z.union([z.string(), z.number()]),
    expireTime: z.string().nullish(),
    periodType: z.string().nullish(),
    periodNumber: z.union([z.number().int(), z.string().regex(/^\d{1,6}$/)]).nullish(),
    currency: amountInput,
    currencyAfterDiscount: amountInput,
    orderAmount: amountInput,
    productId: z.string().nullish(),
    skuCode: z.string().nullish(),
    productName: z.string().nullish(),
    linearValue: z.union([z.string(), z.number()]).nullish(),
    productInfo: z.union([productInfoSchema, z.array(productInfoSchema)]).nullish(),
  })
  .loose();

const buyerInfoSchema = z
  .object({ customerId: z.string().nullish(), customerName: z.string().nullish(), customerType: z.union([z.string(), z.number()]).nullish() })
  .loose();

export const orderQueryAnswerSchema = z
  .object({
    resultCode: text(16),
    resultMsg: z.string().nullish(),
    orderInfo: z
      .object({
        orderId: text(64).min(1),
        orderType: text(32).min(1),
        createTime: z.string().nullish(),
        orderLine: z.array(orderLineSchema).nullish(),
        buyerInfo: buyerInfoSchema.nullish(),
        extendParams: z.array(keyValueSchema).nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

export type MarketplaceOrderLine = {
  orderLineId: string;
  chargingMode: OpenApiChargingMode | null;
  productCode: string | null;
  skuCode: string | null;
  productName: string | null;
  periodType: string | null;
  periodNumber: number | null;
  linearValue: string | null;
  /** Order amount (`currency`), signed: negative for refunds. */
  amount: string | null;
  /** Deal amount (`currencyAfterDiscount`), signed. */
  amountAfterDiscount: string | null;
  expireAt: Date | null;
};

export type MarketplaceOrder = {
  orderId: string;
  orderType: string;
  createdAt: Date | null;
  customerId: string | null;
  customerName: string | null;
  customerType: string | null;
  currencyCode: string | null;
  amount: string | null;
  amountAfterDiscount: string | null;
  extendParams: { key: string; value: string }[];
  lines: MarketplaceOrderLine[];
};

export type OrderQueryResult =
  | { ok: true; order: MarketplaceOrder }
  | { ok: false; kind: "not-found" | "refused" | "invalid"; resultCode: string | null; message: string };

const CURRENCY_CODE = /^[A-Z]{3}$/;

const firstProduct = (info: z.infer<typeof orderLineSchema>["productInfo"]) => (Array.isArray(info) ? info[0] : info) ?? undefined;

const stringOrNull = (value: unknown): string | null =>
  value === undefined || value === null || value === "" ? null : typeof value === "string" ? value : String(value);

/** Reads the order-query answer into our own order shape; refuses what cannot be stored safely. */
export function parseOrderQueryAnswer(answer: unknown): OrderQueryResult {
  const parsed = orderQueryAnswerSchema.safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, kind: "invalid", resultCode: null, message: `answer is not an order-query answer: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim() };
  }
  const { resultCode, resultMsg, orderInfo } = parsed.data;
  if (!ORDER_QUERY_SUCCESS_CODES.includes(resultCode)) {
    return { ok: false, kind: "refused", resultCode, message: `${resultCode}: ${resultMsg ?? ""}`.trim() };
  }
  if (!orderInfo) return { ok: false, kind: "not-found", resultCode, message: `${resultCode}: the answer has no orderInfo` };

  const problems: string[] = [];
  let createdAt: Date | null = null;
  if (orderInfo.createTime) {
    const time = parseOrderCreateTime(orderInfo.createTime);
    if (time.ok) createdAt = time.date;
    else problems.push(time.message);
  }
  let currencyCode: string | null = null;
  const lines: MarketplaceOrderLine[] = (orderInfo.orderLine ?? []).map((line, index) => {
    const label = `orderLine[${index}]`;
    const currencyIsCode = typeof line.currency === "string" && CURRENCY_CODE.test(line.currency.trim());
    if (currencyIsCode) currencyCode ??= (line.currency as string).trim();
    const amount = parseMarketplaceAmount(currencyIsCode ? line.orderAmount : (line.currency ?? line.orderAmount), `${label}.currency`);
    const afterDiscount = parseMarketplaceAmount(line.currencyAfterDiscount, `${label}.currencyAfterDiscount`);
    if (!amount.ok) problems.push(amount.message);
    if (!afterDiscount.ok) problems.push(afterDiscount.message);
    let expireAt: Date | null = null;
    if (line.expireTime) {
      const time = parseExpireTime(line.expireTime, `${label}.expireTime`);
      if (time.ok) expireAt = time.date;
      else problems.push(time.message);
    }
    const chargingMode = normalizeChargingMode(line.chargingMode);
    if (chargingMode === null) problems.push(`${label}.chargingMode ${JSON.stringify(line.chargingMode)} is not a known charging mode`);
    const product = firstProduct(line.productInfo);
    return {
      orderLineId: line.orderLineId,
      chargingMode,
      productCode: stringOrNull(line.productId ?? product?.productId ?? product?.productCode),
      skuCode: stringOrNull(line.skuCode ?? product?.skuCode),
      productName: stringOrNull(line.productName ?? product?.productName),
      periodType: stringOrNull(line.periodType),
      periodNumber: line.periodNumber === undefined || line.periodNumber === null ? null : Number(line.periodNumber),
      linearValue: stringOrNull(line.linearValue ?? product?.linearValue),
      amount: signedAmount(amount.ok ? amount.value : null, orderInfo.orderType),
      amountAfterDiscount: signedAmount(afterDiscount.ok ? afterDiscount.value : null, orderInfo.orderType),
      expireAt,
    };
  });
  if (problems.length > 0) return { ok: false, kind: "invalid", resultCode, message: problems.join("; ") };

  const buyer = orderInfo.buyerInfo ?? {};
  return {
    ok: true,
    order: {
      orderId: orderInfo.orderId,
      orderType: orderInfo.orderType,
      createdAt,
      customerId: stringOrNull(buyer.customerId),
      customerName: stringOrNull(buyer.customerName),
      customerType: stringOrNull(buyer.customerType),
      currencyCode: currencyCode ?? "CNY",
      amount: sumAmounts(lines.map((line) => line.amount)),
      amountAfterDiscount: sumAmounts(lines.map((line) => line.amountAfterDiscount)),
      extendParams: (orderInfo.extendParams ?? []).map((param) => ({ key: param.key ?? param.name ?? "", value: stringOrNull(param.value) ?? "" })),
      lines,
    },
  };
}

/** The request URL; orderLineId narrows the answer to one line. */
export function buildOrderQueryUrl(baseUrl: string, orderId: string, orderLineId?: string): string {
  const url = new URL(ORDER_QUERY_PATH, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  // A base URL with a path prefix (a proxy, the simulator) keeps it.
  const prefix = new URL(baseUrl).pathname.replace(/\/$/, "");
  url.pathname = `${prefix}${ORDER_QUERY_PATH}`;
  url.search = "";
  url.searchParams.set("orderId", orderId);
  if (orderLineId) url.searchParams.set("orderLineId", orderLineId);
  return url.toString();
}
