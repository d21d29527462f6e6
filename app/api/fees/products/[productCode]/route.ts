// PUT /api/fees/products/:productCode — set a product's category and platform-fee ratio (finance)
import { productCodeParamsSchema, productTermsInputSchema } from "@/lib/contracts/fees";
import { saveProductTerms } from "@/server/fees/fee-admin";
import { withRoute } from "@/server/http/with-route";

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: productCodeParamsSchema, body: productTermsInputSchema },
  async ({ params, body, operator, ipAddress, deps }) => saveProductTerms(params.productCode, body, { ...operator, ipAddress }, deps),
);
