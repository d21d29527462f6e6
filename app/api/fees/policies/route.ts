// GET /api/fees/policies — the platform-fee policy table; POST adds a version (owner)
import { feePolicyInputSchema } from "@/lib/contracts/fees";
import { createFeePolicy, listFeePolicies } from "@/server/fees/fee-admin";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => ({ policies: await listFeePolicies(deps) }));

export const POST = withRoute({ auth: { permission: "settings:manage" }, body: feePolicyInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  Response.json(await createFeePolicy(body, { ...operator, ipAddress }, deps), { status: 201 }),
);
