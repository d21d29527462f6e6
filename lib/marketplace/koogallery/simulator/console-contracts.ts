import { z } from "zod";
import type { AnswerCheck, DecryptedCredentials } from "./answer-checks";
import { BUYER_ACTIONS, SIM_PRODUCT_KEYS, type BuyerAction, type SimBilling, type SimChargingMode, type SimGeneration, type SimSku } from "./catalogue";
import type { DebugCaseKey, DebugCaseResult } from "./debug-cases";

/*
 * The console's simulator API (app/api/simulator/**), shared by the route
 * handlers and the Simulator page. Times travel as ISO strings.
 */

const productKey = z.enum(SIM_PRODUCT_KEYS as [string, ...string[]], { message: "simulator.validation.product" });
const targetUrl = z
  .string()
  .trim()
  .max(1024)
  .url({ message: "simulator.validation.targetUrl" })
  .refine((value) => /^https?:\/\//i.test(value), { message: "simulator.validation.targetUrl" });

export const buyProductBodySchema = z.object({ productKey, targetUrl: targetUrl.optional() });
export type BuyProductBody = z.infer<typeof buyProductBodySchema>;

export const buyerActionBodySchema = z.object({
  action: z.enum(BUYER_ACTIONS.filter((a) => a !== "buy") as [Exclude<BuyerAction, "buy">, ...Exclude<BuyerAction, "buy">[]]),
});
export type BuyerActionBody = z.infer<typeof buyerActionBodySchema>;

export const simulatorConfigBodySchema = z.object({
  timeCompression: z.number({ message: "simulator.validation.compression" }).int().min(1).max(100_000),
  timeoutMs: z.number({ message: "simulator.validation.timeout" }).int().min(100).max(60_000),
});
export type SimulatorConfigBody = z.infer<typeof simulatorConfigBodySchema>;

export const debugRunBodySchema = z.object({
  productKeys: z.array(productKey).min(1).max(SIM_PRODUCT_KEYS.length),
  targetUrl: targetUrl.optional(),
  save: z.boolean().default(false),
});
export type DebugRunBody = z.infer<typeof debugRunBodySchema>;

export const dialTestBodySchema = z.object({
  targetUrl: targetUrl.optional(),
  intervalMinutes: z.number({ message: "simulator.validation.interval" }).int().min(1).max(10_080),
  enabled: z.boolean(),
});
export type DialTestBody = z.infer<typeof dialTestBodySchema>;

export const callbacksQuerySchema = z.object({
  subscriptionId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});

export type SimProductDto = {
  key: string;
  generation: SimGeneration;
  billing: SimBilling;
  chargingMode: SimChargingMode;
  skus: SimSku[];
  caseKeys: DebugCaseKey[];
};

export type SimulatorOverviewDto = {
  enabled: boolean;
  defaultTargetUrl: string;
  openApiBaseUrl: string;
  config: { timeCompression: number; timeoutMs: number };
  keys: { v1: boolean; basic: boolean; licence: boolean; kit: boolean };
  products: SimProductDto[];
};

export type SubscriptionDto = {
  id: string;
  productKey: string;
  generation: SimGeneration;
  status: string;
  instanceId: string | null;
  licenceCode: string | null;
  customerName: string;
  orderId: string;
  skuCode: string;
  expireAt: string | null;
  isTrial: boolean;
  targetUrl: string;
  createdAt: string;
  actions: BuyerAction[];
};

export type AttemptDto = {
  attempt: number;
  activity: string;
  sentAt: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  latencyMs: number | null;
  verdict: "pass" | "fail";
  resultCode: string | null;
  error: string | null;
  checks: AnswerCheck[];
  /** Only for operators who may act in the simulator. */
  credentials: DecryptedCredentials[] | null;
};

export type CallbackDto = {
  id: string;
  subscriptionId: string | null;
  purpose: string;
  caseKey: string | null;
  generation: SimGeneration;
  activity: string;
  targetUrl: string;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  deadlineAt: string | null;
  lastVerdict: string | null;
  lastError: string | null;
  createdAt: string;
  attemptRows: AttemptDto[];
};

export type DebugRunResultDto = { results: DebugCaseResult[]; passed: number; failed: number; skipped: number };

export type SavedCaseDto = { id: string; productKey: string; caseKey: string; targetUrl: string; savedAt: string };

export type DialRunDto = {
  id: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  passed: number;
  failed: number;
  results: { productKey: string; caseKey: string; activity: string; verdict: string; error: string | null }[];
  /** How the failure was alerted: "sent", "no-channel" or the channel's error; null when nothing failed. */
  alert: string | null;
};

export type DialTestDto = {
  id: string;
  targetUrl: string;
  intervalMinutes: number;
  enabled: boolean;
  nextRunAt: string;
  lastRunAt: string | null;
  consecutiveFailedRuns: number;
  runs: DialRunDto[];
};
