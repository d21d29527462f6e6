// POST /api/invoice-templates/:templateId/activate — make it the one active template, retiring the other (finance)
import { templateParamsSchema } from "@/lib/contracts/invoice-templates";
import { withRoute } from "@/server/http/with-route";
import { activateTemplate } from "@/server/invoices/templates/activate-template";

export const POST = withRoute({ auth: { permission: "finance:write" }, params: templateParamsSchema }, async ({ params, operator, ipAddress, deps }) =>
  activateTemplate(params.templateId, { ...operator, ipAddress }, deps),
);
