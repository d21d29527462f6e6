// POST /api/products/:productId/webhook-secret/rotate — replace the signing secret and show the new one once, audited (owner)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { rotateWebhookSecret } from "@/server/products/webhook-secret-actions";

export const POST = withRoute(
  { auth: { permission: "secrets:reveal" }, params: z.object({ productId: z.uuid({ message: "products.notFound" }) }) },
  async ({ params, operator, ipAddress, deps }) => rotateWebhookSecret(params.productId, operator, ipAddress, deps),
);
