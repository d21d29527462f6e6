// PUT /api/invoices/platform-fee/bills/:billUuid/payment-request — record the bill's 申付单号 (finance)
import { billParamsSchema, paymentRequestInputSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { setPaymentRequestNo } from "@/server/invoices/platform-fee/set-payment-request-no";

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: billParamsSchema, body: paymentRequestInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => {
    await setPaymentRequestNo(params.billUuid, body, { ...operator, ipAddress }, deps);
    return { ok: true };
  },
);
