// GET /api/invoices/platform-fee/eligible — paid general-product bills free to invoice, and which are forced in
import { withRoute } from "@/server/http/with-route";
import { listEligibleBills } from "@/server/invoices/platform-fee/load-eligible-bills";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listEligibleBills(deps));
