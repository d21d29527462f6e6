// GET /api/invoice-templates/:templateId — a template with every version; PUT saves an edit as a new version (finance)
import { templateContentSchema, templateParamsSchema } from "@/lib/contracts/invoice-templates";
import { withRoute } from "@/server/http/with-route";
import { getTemplate } from "@/server/invoices/templates/get-template";
import { updateTemplate } from "@/server/invoices/templates/save-template";

export const GET = withRoute({ auth: { permission: "console:read" }, params: templateParamsSchema }, async ({ params, deps }) => getTemplate(params.templateId, deps));

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: templateParamsSchema, body: templateContentSchema },
  async ({ params, body, operator, ipAddress, deps }) => updateTemplate(params.templateId, body, { ...operator, ipAddress }, deps),
);
