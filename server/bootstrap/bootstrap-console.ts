import type { Deps } from "@/server/deps";
import { ensureOwner, type EnsureOwnerResult } from "@/server/operators/ensure-owner";
import { bootstrapSettingsFromEnv } from "@/server/settings/bootstrap-settings-from-env";
import { seedDemoData } from "@/server/bootstrap/seed-demo-data";

// Runs at every start; each step does nothing when its work is already done.
export const bootstrapConsole = async (
  options: { seedDemo: boolean },
  deps: Deps,
): Promise<{ owner: EnsureOwnerResult; settingsFromEnv: string[]; demoSeeded: boolean }> => {
  const owner = await ensureOwner({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }, deps);
  const settingsFromEnv = await bootstrapSettingsFromEnv(process.env, deps);
  const demoSeeded = options.seedDemo ? (await seedDemoData(deps)).seeded : false;
  return { owner, settingsFromEnv, demoSeeded };
};
