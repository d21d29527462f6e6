// GET /api/invoice-templates — every invoice template with its current version; POST creates one (finance)
import { templateContentSchema } from "@/lib/contracts/invoice-templates";
import { withRoute } from "@/server/http/with-route";
import { listTemplates } from "@/server/invoices/templates/list-templates";
import { createTemplate } from "@/server/invoices/templates/save-template";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listTemplates(deps));

export const POST = withRoute({ auth: { permission: "finance:write" }, body: templateContentSchema }, async ({ body, operator, ipAddress, deps }) =>
  Response.json(await createTemplate(body, { ...operator, ipAddress }, deps), { status: 201 }),
);
