// GET /api/invoices/buyer?status=&orderId= — buyer invoice requests; POST enters one for an order (finance)
import { buyerInvoiceListQuerySchema, createBuyerInvoiceInputSchema } from "@/lib/contracts/buyer-invoices";
import { withRoute } from "@/server/http/with-route";
import { createBuyerInvoice } from "@/server/invoices/buyer/create-buyer-invoice";
import { listBuyerInvoices } from "@/server/invoices/buyer/list-buyer-invoices";

export const GET = withRoute({ auth: { permission: "console:read" }, query: buyerInvoiceListQuerySchema }, async ({ query, deps }) =>
  listBuyerInvoices(query, deps),
);

export const POST = withRoute({ auth: { permission: "finance:write" }, body: createBuyerInvoiceInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  createBuyerInvoice(body, { ...operator, ipAddress }, deps),
);
