// GET /api/messages — the interface message log (callbacks and deliveries), filtered, newest first
import { messagesPageSchema, messagesQuerySchema } from "@/lib/contracts/messages";
import { withRoute } from "@/server/http/with-route";
import { listMessages } from "@/server/messages/list-messages";

export const GET = withRoute({ auth: { permission: "console:read" }, query: messagesQuerySchema }, async ({ query, deps }) =>
  messagesPageSchema.parse(await listMessages(query, deps)),
);
