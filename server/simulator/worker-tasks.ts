import { processDueCallbacks, processDueDialTests } from "@/server/simulator/process-due-work";
import type { PeriodicTask } from "@/server/worker/worker-task";

// The simulator's background work: the marketplace's retries and queryInstance polls (every five
// seconds, so a compressed 3-hour window is watchable), and the scheduled dial tests. Both claim
// their rows with FOR UPDATE SKIP LOCKED, so any number of workers may run them.
export const simulatorTasks: PeriodicTask[] = [
  { name: "simulator-callbacks", everyMs: 5_000, run: processDueCallbacks },
  { name: "simulator-dial-tests", everyMs: 60_000, run: processDueDialTests },
];
