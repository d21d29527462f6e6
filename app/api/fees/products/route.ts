// GET /api/fees/products — each product's bill category and platform-fee ratio
import { listProductTerms } from "@/server/fees/fee-admin";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => ({ products: await listProductTerms(deps) }));
