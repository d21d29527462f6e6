// GET /api/invoices/huawei — joint-operation bills awaiting invoices to Huawei, with their deadline
import { withRoute } from "@/server/http/with-route";
import { listHuaweiInvoiceBills } from "@/server/invoices/huawei/list-huawei-invoice-bills";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => listHuaweiInvoiceBills(deps));
