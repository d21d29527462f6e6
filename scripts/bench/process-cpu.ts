// Where the CPU goes during a load: the app (its whole process group), the PostgreSQL backends
// serving its database, and this load generator. Read from /proc, so Linux only; elsewhere the
// figures are simply left out. Backends that exit between two samples take their CPU time with
// them, so the database figure is a lower bound.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

export type CpuSample = { atMs: number; appS: number; databaseS: number; generatorS: number };
export type CpuUse = { wallS: number; appS: number; databaseS: number; generatorS: number };

const ticksPerSecond = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const value = Number(result.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

type ProcStat = { pgrp: number; cpuS: number };

const readStat = (pid: string): ProcStat | null => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses; the fields after its closing one do not.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const pgrp = Number(fields[2]);
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(pgrp) && Number.isFinite(cpuTicks) ? { pgrp, cpuS: cpuTicks / ticksPerSecond } : null;
  } catch {
    return null; // exited while we looked
  }
};

const commandLine = (pid: string): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
};

export const cpuSamplingAvailable = () => process.platform === "linux" && existsSync("/proc/self/stat");

/** appGroup: the app's process group id; databaseName: backends show it in their process title. */
export const sampleCpu = (appGroup: number, databaseName: string): CpuSample | null => {
  if (!cpuSamplingAvailable()) return null;
  let appS = 0;
  let databaseS = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    if (stat.pgrp === appGroup) appS += stat.cpuS;
    else if (commandLine(pid).startsWith("postgres: ") && commandLine(pid).includes(` ${databaseName} `)) databaseS += stat.cpuS;
  }
  const own = process.cpuUsage();
  return { atMs: performance.now(), appS, databaseS, generatorS: (own.user + own.system) / 1e6 };
};

export const cpuBetween = (before: CpuSample | null, after: CpuSample | null): CpuUse | null =>
  before && after
    ? {
        wallS: (after.atMs - before.atMs) / 1000,
        appS: after.appS - before.appS,
        databaseS: Math.max(0, after.databaseS - before.databaseS),
        generatorS: after.generatorS - before.generatorS,
      }
    : null;
