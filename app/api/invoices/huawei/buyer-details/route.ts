// GET /api/invoices/huawei/buyer-details — the Huawei entity invoices are made out to; PUT edits it (finance)
import { huaweiBuyerInputSchema } from "@/lib/contracts/huawei-invoices";
import { withRoute } from "@/server/http/with-route";
import { getHuaweiBuyer, updateHuaweiBuyer } from "@/server/invoices/huawei/huawei-buyer";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => getHuaweiBuyer(deps));

export const PUT = withRoute({ auth: { permission: "finance:write" }, body: huaweiBuyerInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  updateHuaweiBuyer(body, { ...operator, ipAddress }, deps),
);
