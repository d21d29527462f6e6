// POST /api/bills/:billUuid/imports — reconcile the marketplace's bill export with the bill (finance)
import { billParamsSchema, importBillInputSchema } from "@/lib/contracts/bills";
import { importBill } from "@/server/bills/import-bill";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute(
  { auth: { permission: "finance:write" }, params: billParamsSchema, body: importBillInputSchema, maxBodyBytes: 9 * 1024 * 1024 },
  async ({ params, body, operator, ipAddress, deps }) => Response.json(await importBill(params.billUuid, body, { ...operator, ipAddress }, deps), { status: 201 }),
);
