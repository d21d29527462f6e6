// GET /api/invoices/huawei/:billUuid — the invoice checklist (开票清单) of a bill; PUT saves what the notice says (finance)
import { checklistInputSchema, huaweiBillParamsSchema } from "@/lib/contracts/huawei-invoices";
import { withRoute } from "@/server/http/with-route";
import { getHuaweiChecklist } from "@/server/invoices/huawei/get-huawei-checklist";
import { saveHuaweiChecklist } from "@/server/invoices/huawei/save-huawei-checklist";

export const GET = withRoute({ auth: { permission: "console:read" }, params: huaweiBillParamsSchema }, async ({ params, deps }) =>
  getHuaweiChecklist(params.billUuid, deps),
);

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: huaweiBillParamsSchema, body: checklistInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await saveHuaweiChecklist(params.billUuid, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
