import { describe, expect, it } from "vitest";
import type { AnswerVerdict } from "./answer-checks";
import type { PlanContext, PlannedCallback } from "./buyer-actions";
import { findSimProduct, SIM_PRODUCTS } from "./catalogue";
import { debugCaseKeysFor, runDebugSuite } from "./debug-cases";

const ctx = (): PlanContext => {
  let n = 0;
  return { now: new Date("2026-11-28T00:00:00Z"), newOrderId: () => `CSDBG${++n}`, newBusinessId: () => `b${n}` };
};

const verdict = (pass: boolean, answer: Record<string, unknown> = {}): AnswerVerdict => ({
  verdict: pass ? "pass" : "fail",
  error: pass ? null : "调用失败,生产接口resultCode返回错误.",
  checks: [],
  resultCode: pass ? "000000" : "000005",
  resultMsg: "",
  answer: { resultCode: "000000", ...answer },
  isAsync: false,
  credentials: [],
});

describe("the standard debugging cases (§9)", () => {
  it("包周期 covers new, renew with and without productId, trialToFormal, upgrade, expire, release", () => {
    expect(debugCaseKeysFor(findSimProduct("hr-monthly-v1")!)).toEqual(["new", "query", "renew", "renewWithoutProduct", "trialToFormal", "upgrade", "expire", "unfreeze", "release"]);
    expect(debugCaseKeysFor(findSimProduct("crm-monthly-v2")!)).toContain("changeCheck");
    expect(debugCaseKeysFor(findSimProduct("report-once-v1")!)).toEqual(["new", "query", "release"]);
    for (const product of SIM_PRODUCTS) expect(debugCaseKeysFor(product).length).toBeGreaterThan(0);
  });

  it("threads the instanceId from the purchase into every later case", async () => {
    const sent: PlannedCallback[] = [];
    const results = await runDebugSuite({
      product: findSimProduct("hr-monthly-v1")!,
      ctx: ctx(),
      newLicenceCode: () => "LC",
      send: async (callback) => {
        sent.push(callback);
        return { verdict: verdict(true, { instanceId: "inst-42" }) };
      },
    });
    expect(results.every((r) => r.verdict === "pass")).toBe(true);
    expect(sent.slice(1).every((c) => c.params.instanceId === "inst-42")).toBe(true);
    const renewals = sent.filter((c) => c.activity === "refreshInstance");
    expect(renewals.map((c) => c.params.productId)).toEqual(["00301-SIMHRM1-0--0", "", "00301-SIMHRM1-0--0", "00301-SIMHRM1-0--0"]);
    expect(renewals.filter((c) => c.params.trialToFormal === "1")).toHaveLength(1);
  });

  it("V2 renewal without productId leaves the field out", async () => {
    const sent: PlannedCallback[] = [];
    await runDebugSuite({
      product: findSimProduct("crm-monthly-v2")!,
      ctx: ctx(),
      newLicenceCode: () => "LC",
      onlyKeys: ["renewWithoutProduct"],
      send: async (callback) => {
        sent.push(callback);
        return { verdict: verdict(true, { instanceId: "i" }) };
      },
    });
    expect(sent.map((c) => c.activity)).toEqual(["newInstance", "refreshInstance"]);
    expect(sent[1]!.params).not.toHaveProperty("productId");
  });

  it("a failed purchase skips every case that needs its instance, and never reports a pass", async () => {
    const results = await runDebugSuite({
      product: findSimProduct("report-once-v2")!,
      ctx: ctx(),
      newLicenceCode: () => "LC",
      send: async () => ({ verdict: verdict(false) }),
    });
    expect(results.map((r) => [r.caseKey, r.verdict])).toEqual([["new", "fail"], ["query", "skipped"], ["orderNotify", "fail"], ["release", "skipped"]]);
    // orderNotify needs no instance: it is sent (and judged) even after a failed purchase.
  });
});
