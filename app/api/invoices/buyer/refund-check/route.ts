// GET /api/invoices/buyer/refund-check?orderId= — may this order be refunded, as far as its invoices go?
import { refundCheckQuerySchema } from "@/lib/contracts/buyer-invoices";
import { withRoute } from "@/server/http/with-route";
import { checkOrderRefund } from "@/server/invoices/buyer/check-order-refund";

export const GET = withRoute({ auth: { permission: "console:read" }, query: refundCheckQuerySchema }, async ({ query, deps }) =>
  checkOrderRefund(query.orderId, deps),
);
