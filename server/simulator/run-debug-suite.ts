import { randomUUID } from "node:crypto";
import { findSimProduct, runDebugSuite as runSuite, type DebugCaseKey, type DebugCaseResult } from "@/lib/marketplace/koogallery/simulator";
import type { DebugRunResultDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { AppError } from "@/server/errors";
import { deliverCallback } from "@/server/simulator/deliver-callback";
import { newLicenceCode, planContext } from "@/server/simulator/simulator-ids";
import type { SimulatorRuntime } from "@/server/simulator/simulator-runtime";

export type RunDebugSuiteInput = {
  productKeys: string[];
  targetUrl: string;
  /** 调测并保存用例: cases that pass are saved for the dial test. */
  save: boolean;
  purpose?: "debug" | "dial";
  dialRunId?: string;
  /** Per product, only these cases (the saved ones, for a dial test). */
  onlyKeys?: Map<string, DebugCaseKey[]>;
};

export const summarise = (results: DebugCaseResult[]): DebugRunResultDto => ({
  results,
  passed: results.filter((r) => r.verdict === "pass").length,
  failed: results.filter((r) => r.verdict === "fail").length,
  skipped: results.filter((r) => r.verdict === "skipped").length,
});

// The debugging page's cases, one product after another, each callback stored like any other
// (no retries: the debugging tool reports and stops).
export const runDebugSuite = async (input: RunDebugSuiteInput, runtime: SimulatorRuntime): Promise<DebugRunResultDto> => {
  const results: DebugCaseResult[] = [];
  for (const key of input.productKeys) {
    const product = findSimProduct(key);
    if (!product) throw new AppError("NOT_FOUND", `no simulator product ${key}`, { messageKey: "simulator.errors.unknownProduct" });
    const productResults = await runSuite({
      product,
      ctx: planContext(runtime.deps.now()),
      onlyKeys: input.onlyKeys?.get(key),
      newLicenceCode,
      send: async (callback, caseKey) => {
        const delivery = await deliverCallback(
          { callback, targetUrl: input.targetUrl, purpose: input.purpose ?? "debug", caseKey, dialRunId: input.dialRunId, followUp: false },
          runtime,
        );
        return { verdict: delivery.verdict, callbackId: delivery.callbackId };
      },
    });
    results.push(...productResults);
  }
  if (input.save) {
    const passed = results.filter((r) => r.verdict === "pass");
    const now = runtime.deps.now();
    await runtime.deps.db.simulatorSavedCase.createMany({
      data: passed.map((r) => ({ id: randomUUID(), productKey: r.productKey, caseKey: r.caseKey, targetUrl: input.targetUrl, savedAt: now })),
      skipDuplicates: true,
    });
  }
  return summarise(results);
};
