import { newWorkerId, runDueDeliveries } from "@/server/fulfilment/run-deliveries";
import { webhookAllowList } from "@/server/fulfilment/webhook-target-policy";
import type { PeriodicTask } from "@/server/worker/worker-task";

const workerId = newWorkerId();

export const fulfilmentTasks: PeriodicTask[] = [
  { name: "deliveries", everyMs: 500, run: (deps) => runDueDeliveries(deps, { workerId, allowList: webhookAllowList() }) },
];
