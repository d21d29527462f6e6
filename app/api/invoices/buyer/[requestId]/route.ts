// GET /api/invoices/buyer/:requestId — a buyer invoice request with its history and the order's refund verdict
import { buyerInvoiceParamsSchema } from "@/lib/contracts/buyer-invoices";
import { withRoute } from "@/server/http/with-route";
import { getBuyerInvoice } from "@/server/invoices/buyer/get-buyer-invoice";

export const GET = withRoute({ auth: { permission: "console:read" }, params: buyerInvoiceParamsSchema }, async ({ params, deps }) =>
  getBuyerInvoice(params.requestId, deps),
);
