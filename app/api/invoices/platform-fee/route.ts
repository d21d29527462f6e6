// GET /api/invoices/platform-fee — platform-fee invoice requests; POST submits one (finance)
import { createRequestInputSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { createRequest } from "@/server/invoices/platform-fee/create-request";
import { listRequests } from "@/server/invoices/platform-fee/list-requests";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listRequests(deps));

export const POST = withRoute({ auth: { permission: "finance:write" }, body: createRequestInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  Response.json(await createRequest(body, { ...operator, ipAddress }, deps), { status: 201 }),
);
