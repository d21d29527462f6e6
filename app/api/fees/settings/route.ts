// GET /api/fees/settings — the readings of open fee rules; PUT changes them (finance)
import { feeSettingsInputSchema } from "@/lib/contracts/fees";
import { updateFeeSettings } from "@/server/fees/fee-admin";
import { loadFeeConfig } from "@/server/fees/load-fee-config";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => (await loadFeeConfig(deps)).settings);

export const PUT = withRoute({ auth: { permission: "finance:write" }, body: feeSettingsInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  updateFeeSettings(body, { ...operator, ipAddress }, deps),
);
