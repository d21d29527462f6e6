// POST /api/invoices/buyer/:requestId/actions — approve, reject, issue, sign or return (finance)
import { buyerInvoiceActionInputSchema, buyerInvoiceParamsSchema } from "@/lib/contracts/buyer-invoices";
import { withRoute } from "@/server/http/with-route";
import { actOnBuyerInvoice } from "@/server/invoices/buyer/act-on-buyer-invoice";

export const POST = withRoute(
  { auth: { permission: "finance:write" }, params: buyerInvoiceParamsSchema, body: buyerInvoiceActionInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await actOnBuyerInvoice(params.requestId, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
