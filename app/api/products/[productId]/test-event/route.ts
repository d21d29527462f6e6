// POST /api/products/:productId/test-event — send a signed test.ping to the product's webhook now and report the answer
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { sendTestEvent } from "@/server/products/send-test-event";

export const POST = withRoute(
  { auth: { permission: "operations:write" }, params: z.object({ productId: z.uuid({ message: "products.notFound" }) }) },
  async ({ params, operator, ipAddress, deps }) => ({ result: await sendTestEvent(params.productId, operator, ipAddress, deps) }),
);
