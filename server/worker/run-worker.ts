import { alertTasks } from "@/server/alerts/worker-tasks";
import type { Deps } from "@/server/deps";
import { fulfilmentTasks } from "@/server/fulfilment/worker-tasks";
import { logger } from "@/server/logger";
import { ordersTasks } from "@/server/orders/worker-tasks";
import { simulatorTasks } from "@/server/simulator/worker-tasks";
import { runHousekeeping } from "@/server/worker/housekeeping";
import type { PeriodicTask } from "@/server/worker/worker-task";

export type WorkerHandle = { stop: () => Promise<void> };

const TASKS: PeriodicTask[] = [{ name: "housekeeping", everyMs: 60_000, run: runHousekeeping }, ...fulfilmentTasks, ...ordersTasks, ...alertTasks, ...simulatorTasks];
export const startWorker = (deps: Deps): WorkerHandle => {
  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const timers = TASKS.map((task) => {
    let busy = false;
    const tick = () => {
      // A task still running from the last tick is not started again alongside itself.
      if (stopping || busy) return;
      busy = true;
      const work = task
        .run(deps)
        .catch((error: unknown) => logger.error({ err: error, task: task.name }, "worker task failed"))
        .finally(() => {
          busy = false;
          running.delete(work);
        });
      running.add(work);
    };
    tick();
    return setInterval(tick, task.everyMs);
  });
  return {
    stop: async () => {
      stopping = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
};
