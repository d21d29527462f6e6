import type { PeriodicTask } from "@/server/worker/worker-task";

// The simulator's background work (scheduled dial tests, emulated marketplace retries).
export const simulatorTasks: PeriodicTask[] = [];
