// GET /api/bills?category= — a category's monthly bills; POST (re)generates one from the stored orders (finance)
import { billListQuerySchema, generateBillInputSchema } from "@/lib/contracts/bills";
import { generateBill } from "@/server/bills/generate-bill";
import { listBills } from "@/server/bills/list-bills";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" }, query: billListQuerySchema }, async ({ query, deps }) =>
  listBills(query.category, deps),
);

export const POST = withRoute({ auth: { permission: "finance:write" }, body: generateBillInputSchema }, async ({ body, operator, ipAddress, deps }) =>
  generateBill(body, { ...operator, ipAddress }, deps),
);
