import type { BuyerAction } from "@/lib/marketplace/koogallery/simulator";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { buyProduct } from "@/server/simulator/buy-product";
import { demoCustomer } from "@/server/simulator/demo-customers";
import { attemptAgain, type CallbackState } from "@/server/simulator/deliver-callback";
import { createInProcessTransport } from "@/server/simulator/in-process-transport";
import { performBuyerAction } from "@/server/simulator/perform-buyer-action";
import { createSimulatorRuntime, loadSimulatorKeys, type SimulatorRuntime } from "@/server/simulator/simulator-runtime";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// The console's own address as the marketplace would know it; delivery is in-process (the HTTP
// server is not listening yet on the first start), so only the path matters.
const DEMO_TARGET = "http://localhost/api/koogallery";

type Step = { day: number; hour: number; buy?: string; ref?: string; act?: Exclude<BuyerAction, "buy">; keyTrouble?: "rotated" | "outage" };

/*
 * Three weeks of a small seller's marketplace life, played through the simulator against the
 * real gateway with the clock set back, so every row the console shows (stored requests,
 * instances, lifecycle events, simulator orders and verdicts) comes from a real flow: purchases
 * across every billing mode and both generations, renewals, an upgrade, expiries, a trial
 * conversion, an unsubscription with its refund, a seller outage the marketplace's hourly retry
 * rides out, and a purchase that fails for good (the console still had an old key) and is refunded.
 */
const SCRIPT: Step[] = [
  { day: -21, hour: 2, buy: "hr-monthly-v1", ref: "A" },
  { day: -20, hour: 5, buy: "crm-yearly-v2", ref: "B" },
  { day: -19, hour: 3, buy: "report-once-v1", ref: "C" },
  { day: -18, hour: 1, buy: "api-ondemand-v1", ref: "D" },
  { day: -18, hour: 6, ref: "C", act: "release" },
  { day: -17, hour: 4, buy: "crm-monthly-v2", ref: "E" },
  { day: -16, hour: 2, buy: "hr-trial-v1", ref: "F" },
  { day: -15, hour: 7, buy: "crm-trial-v2", ref: "G" },
  { day: -14, hour: 3, ref: "A", act: "renew" },
  { day: -14, hour: 5, buy: "api-package-v1", ref: "H" },
  { day: -13, hour: 2, buy: "hr-yearly-v1", ref: "I" },
  { day: -12, hour: 8, ref: "I", act: "unsubscribe" },
  { day: -12, hour: 3, buy: "report-once-v2", ref: "J" },
  { day: -11, hour: 6, buy: "design-licence-v1", ref: "K" },
  { day: -10, hour: 1, buy: "cad-licence-code-v2", ref: "L" },
  { day: -10, hour: 4, ref: "D", act: "expire" },
  { day: -10, hour: 9, ref: "F", act: "trialToFormal" },
  { day: -9, hour: 2, ref: "D", act: "unfreeze" },
  { day: -8, hour: 3, ref: "G", act: "release" },
  { day: -7, hour: 2, buy: "crm-monthly-v2", ref: "M", keyTrouble: "rotated" },
  { day: -6, hour: 5, buy: "hr-monthly-v1", ref: "N", keyTrouble: "outage" },
  { day: -5, hour: 3, buy: "api-ondemand-v2", ref: "O" },
  { day: -3, hour: 6, ref: "B", act: "upgrade" },
  { day: -2, hour: 2, ref: "E", act: "expire" },
  { day: -1, hour: 4, ref: "L", act: "renew" },
  { day: -1, hour: 7, buy: "crm-monthly-v2", ref: "Q" },
  { day: 0, hour: -2, ref: "Q", act: "renewChange" },
  { day: 0, hour: -1, buy: "hr-monthly-v1", ref: "P" },
];

export const seedDemoCallbacks = async (deps: Deps): Promise<number> => {
  const keys = await loadSimulatorKeys(deps);
  if (!keys.v1 || !keys.basic || !keys.licence) return 0;
  forgetMarketplaceKeys();
  const realNow = deps.now();
  let clock = realNow;
  const simDeps: Deps = { ...deps, now: () => new Date(clock.getTime()) };
  const consoleTransport = createInProcessTransport(simDeps);
  const runtime = await createSimulatorRuntime(simDeps, { transport: consoleTransport, timeCompression: 1, keys });
  let outageLeft = 0;
  const outage: SimulatorRuntime = {
    ...runtime,
    transport: async (request, timeoutMs) =>
      outageLeft-- > 0 ? { kind: "unreachable", detail: "connect ECONNREFUSED (the seller's server was down)", latencyMs: 2 } : consoleTransport(request, timeoutMs),
  };
  const rotated: SimulatorRuntime = { ...runtime, keys: { ...keys, basic: `${keys.basic}-rotated-in-seller-centre` } };

  const refs = new Map<string, string>();
  // Purchases that failed for good or were released: the script does nothing more with them.
  const ended = new Set<string>();
  let callbacks = 0;
  // Plays the marketplace's retries of one purchase hour by hour, on the demo clock.
  const drainRetries = async (subscriptionId: string, rt: SimulatorRuntime): Promise<CallbackState | null> => {
    let last: CallbackState | null = null;
    for (;;) {
      const due = await deps.db.simulatorCallback.findFirst({
        where: { subscriptionId, state: { in: ["retrying", "polling"] } },
        orderBy: { nextAttemptAt: "asc" },
      });
      if (!due?.nextAttemptAt) return last;
      clock = due.nextAttemptAt;
      last = await attemptAgain(due, rt);
      callbacks++;
    }
  };

  for (const [index, step] of [...SCRIPT].sort((a, b) => a.day - b.day || a.hour - b.hour).entries()) {
    clock = new Date(realNow.getTime() + step.day * DAY + step.hour * HOUR + index * 1000);
    if (clock.getTime() > realNow.getTime()) clock = new Date(realNow.getTime() - 60_000);
    if (step.buy) {
      const rt = step.keyTrouble === "rotated" ? rotated : step.keyTrouble === "outage" ? outage : runtime;
      if (step.keyTrouble === "outage") outageLeft = 1;
      const outcome = await buyProduct({ productKey: step.buy, targetUrl: DEMO_TARGET, customer: demoCustomer(index * 7 + 3), source: "seed" }, rt);
      callbacks += outcome.deliveries.length;
      if (step.ref) refs.set(step.ref, outcome.subscriptionId);
      // Only a purchase the marketplace is still retrying or polling has anything to drain.
      if (outcome.deliveries.some((d) => d.state === "retrying" || d.state === "polling")) {
        if ((await drainRetries(outcome.subscriptionId, rt)) === "exhausted") ended.add(outcome.subscriptionId);
      }
    } else if (step.act && step.ref) {
      const subscriptionId = refs.get(step.ref);
      if (!subscriptionId) continue;
      if (ended.has(subscriptionId)) continue;
      const outcome = await performBuyerAction({ subscriptionId, action: step.act, source: "seed" }, runtime);
      callbacks += outcome.deliveries.length;
      if (step.act === "release" || step.act === "unsubscribe") ended.add(subscriptionId);
    }
  }
  forgetMarketplaceKeys();
  return callbacks;
};
