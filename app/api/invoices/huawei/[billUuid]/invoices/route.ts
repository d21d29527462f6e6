// POST /api/invoices/huawei/:billUuid/invoices — record the invoice issued for one tax rate;
// DELETE ?taxRatePercent= voids it (finance)
import { huaweiBillParamsSchema, recordHuaweiInvoiceInputSchema, removeHuaweiInvoiceInputSchema } from "@/lib/contracts/huawei-invoices";
import { withRoute } from "@/server/http/with-route";
import { recordHuaweiInvoice, removeHuaweiInvoice } from "@/server/invoices/huawei/record-huawei-invoice";

export const POST = withRoute(
  { auth: { permission: "finance:write" }, params: huaweiBillParamsSchema, body: recordHuaweiInvoiceInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await recordHuaweiInvoice(params.billUuid, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);

export const DELETE = withRoute(
  { auth: { permission: "finance:write" }, params: huaweiBillParamsSchema, query: removeHuaweiInvoiceInputSchema },
  async ({ params, query, operator, ipAddress, deps }) => {
    await removeHuaweiInvoice(params.billUuid, query.taxRatePercent, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
