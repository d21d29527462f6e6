import { getEnv, type AppEnv } from "@/server/env";

// On by default with the embedded database (a seller trying the console offline); off by default
// on a shared PostgreSQL server, where simulated orders would mix with production data.
export const isSimulatorEnabled = (env: Pick<AppEnv, "SIMULATOR" | "EMBEDDED_DATABASE"> = getEnv()): boolean =>
  env.SIMULATOR ? env.SIMULATOR === "on" : env.EMBEDDED_DATABASE === "true";

export const assertSimulatorEnabled = async () => {
  if (isSimulatorEnabled()) return;
  const { AppError } = await import("@/server/errors");
  throw new AppError("NOT_FOUND", "The marketplace simulator is off on this console (set SIMULATOR=on to turn it on).", {
    messageKey: "simulator.errors.disabled",
  });
};
