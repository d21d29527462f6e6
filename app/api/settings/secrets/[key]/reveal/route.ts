// POST /api/settings/secrets/:key/reveal — show one secret in clear, audited (owner)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { revealSecretSetting } from "@/server/settings/reveal-secret-setting";

export const POST = withRoute(
  { auth: { permission: "secrets:reveal" }, params: z.object({ key: z.string().max(100) }) },
  async ({ params, operator, ipAddress, deps }) => revealSecretSetting(params.key, operator, ipAddress, deps),
);
