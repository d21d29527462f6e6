// GET /api/products — every product seen on callbacks, with its provisioning settings
import { withRoute } from "@/server/http/with-route";
import { listProducts } from "@/server/products/list-products";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => ({ products: await listProducts(deps) }));
