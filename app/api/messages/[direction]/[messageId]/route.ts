// GET /api/messages/:direction/:messageId — one callback (raw request and answer) or one delivery (attempts), secrets masked
import { messageDetailSchema, messageParamsSchema } from "@/lib/contracts/messages";
import { withRoute } from "@/server/http/with-route";
import { getMessageDetail } from "@/server/messages/get-message-detail";

export const GET = withRoute({ auth: { permission: "console:read" }, params: messageParamsSchema }, async ({ params, deps }) =>
  messageDetailSchema.parse(await getMessageDetail(params.direction, params.messageId, deps)),
);
