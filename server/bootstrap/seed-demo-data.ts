import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { seedDemoCallbacks } from "@/server/bootstrap/seed-demo-callbacks";
import type { Deps } from "@/server/deps";
import { readSettingValue } from "@/server/settings/settings-repository";
import { updateSettings } from "@/server/settings/update-settings";

const DEMO_MARKER = "system.demoSeededAt";

// First run of the embedded console only. So that the console (and, later, its simulator) works
// offline out of the box, marketplace keys not given through the environment get random demo
// values; an owner replaces them with the real ones from the seller centre.
export const seedDemoData = async (deps: Deps): Promise<{ seeded: boolean }> => {
  const marker = await deps.db.setting.findUnique({ where: { key: DEMO_MARKER } });
  if (marker) return { seeded: false };
  const demoKey = () => `demo-${randomBytes(16).toString("hex")}`;
  const patch: Record<string, string> = {};
  for (const key of [
    "marketplace.v1Key",
    "marketplace.basicAccessKey.current",
    "marketplace.licenseAccessKey.current",
    "marketplace.kitAccessKey.current",
  ] as const) {
    if ((await readSettingValue(key, deps)) === null) patch[key] = demoKey();
  }
  // Demo AK/SK and the simulator's open APIs as the marketplace address: order fetches of the demo
  // orders then work offline too. Real credentials from the environment are never overwritten.
  if ((await readSettingValue("marketplace.ak", deps)) === null && (await readSettingValue("marketplace.sk", deps)) === null) {
    patch["marketplace.ak"] = `DEMOAK${randomBytes(8).toString("hex").toUpperCase()}`;
    patch["marketplace.sk"] = `demo-sk-${randomBytes(16).toString("hex")}`;
    if (!process.env.KOOGALLERY_API_BASE_URL) patch["marketplace.apiBaseUrl"] = `http://127.0.0.1:${process.env.PORT ?? 3000}/api/simulator/koogallery`;
  }
  if (Object.keys(patch).length) await updateSettings(patch, { id: null, email: "demo-seed" }, null, deps);
  const callbacks = await seedDemoCallbacks(deps);
  const now = deps.now();
  await deps.db.setting.create({ data: { key: DEMO_MARKER, value: now.toISOString(), updatedAt: now } });
  await recordAuditEvent(deps.db, { actor: { id: null, email: "demo-seed" }, action: "system.demo_seeded", details: { keys: Object.keys(patch), callbacks } }, now);
  return { seeded: true };
};
