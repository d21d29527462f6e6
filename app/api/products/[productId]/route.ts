// PATCH /api/products/:productId — change how a product is provisioned (operators and owners)
import { z } from "zod";
import { updateProductInputSchema } from "@/lib/contracts/products";
import { withRoute } from "@/server/http/with-route";
import { updateProduct } from "@/server/products/update-product";

export const PATCH = withRoute(
  {
    auth: { permission: "operations:write" },
    params: z.object({ productId: z.uuid({ message: "products.notFound" }) }),
    body: updateProductInputSchema,
  },
  async ({ params, body, operator, ipAddress, deps }) => ({
    product: await updateProduct(params.productId, body, operator, ipAddress, deps),
  }),
);
