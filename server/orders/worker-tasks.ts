import type { Deps } from "@/server/deps";
import { newOrderWorkerId, runDueOrderFetches } from "@/server/orders/run-order-fetches";
import { startReconciliation } from "@/server/orders/reconcile-orders";
import type { PeriodicTask } from "@/server/worker/worker-task";

const workerId = newOrderWorkerId();

// After 03:00 Beijing time, when the previous day's orders have settled; the run key makes the
// first worker to look start it and every other one skip.
const startDailyReconciliation = async (deps: Deps) => {
  const beijingHour = new Date(deps.now().getTime() + 8 * 3_600_000).getUTCHours();
  if (beijingHour < 3) return null;
  return startReconciliation({ trigger: "daily", startedBy: null }, deps);
};

export const ordersTasks: PeriodicTask[] = [
  { name: "order-fetches", everyMs: 2_000, run: (deps) => runDueOrderFetches(deps, { workerId }) },
  { name: "daily-reconciliation", everyMs: 10 * 60_000, run: startDailyReconciliation },
];
