// POST /api/products/:productId/webhook-secret — show the Standard Webhooks signing secret, audited (owner)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { revealWebhookSecret } from "@/server/products/webhook-secret-actions";

export const POST = withRoute(
  { auth: { permission: "secrets:reveal" }, params: z.object({ productId: z.uuid({ message: "products.notFound" }) }) },
  async ({ params, operator, ipAddress, deps }) => revealWebhookSecret(params.productId, operator, ipAddress, deps),
);
