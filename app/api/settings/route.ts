// GET /api/settings — settings with secrets masked; PATCH /api/settings — change some (owner)
import { settingsPatchInputSchema } from "@/lib/contracts/settings";
import { withRoute } from "@/server/http/with-route";
import { getSettingsView } from "@/server/settings/get-settings-view";
import { updateSettings } from "@/server/settings/update-settings";

export const GET = withRoute({ auth: { permission: "settings:manage" } }, async ({ deps }) => ({
  settings: await getSettingsView(deps),
}));

export const PATCH = withRoute(
  { auth: { permission: "settings:manage" }, body: settingsPatchInputSchema },
  async ({ body, operator, ipAddress, deps }) => {
    await updateSettings(body, operator, ipAddress, deps);
    return { settings: await getSettingsView(deps) };
  },
);
