import { runAlerts } from "@/server/alerts/run-alerts";
import type { PeriodicTask } from "@/server/worker/worker-task";

// Every 15 s: failures that happen together (the SaaS went down) land in one run and so in one
// message, and nobody waits long to hear about a dead letter.
export const alertTasks: PeriodicTask[] = [{ name: "alerts", everyMs: 15_000, run: (deps) => runAlerts(deps) }];
