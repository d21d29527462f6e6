import type { Deps } from "@/server/deps";
import { logger } from "@/server/logger";
import { runHousekeeping } from "@/server/worker/housekeeping";

export type WorkerHandle = { stop: () => Promise<void> };

import { simulatorTasks } from "@/server/simulator/worker-tasks";
import type { PeriodicTask } from "@/server/worker/worker-task";

const TASKS: PeriodicTask[] = [{ name: "housekeeping", everyMs: 60_000, run: runHousekeeping }, ...simulatorTasks];

export const startWorker = (deps: Deps): WorkerHandle => {
  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const timers = TASKS.map((task) => {
    const tick = () => {
      if (stopping) return;
      const work = task
        .run(deps)
        .catch((error: unknown) => logger.error({ err: error, task: task.name }, "worker task failed"))
        .finally(() => running.delete(work));
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
