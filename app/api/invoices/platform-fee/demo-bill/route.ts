// POST /api/invoices/platform-fee/demo-bill — demo data: a paid general-product bill with a negative order (simulator on only, finance)
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { seedDemoPaidBill } from "@/server/invoices/platform-fee/seed-demo-paid-bill";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";

const bodySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "fees.monthInvalid" }) });

export const POST = withRoute({ auth: { permission: "finance:write" }, body: bodySchema }, async ({ body, operator, ipAddress, deps }) => {
  await assertSimulatorEnabled();
  return Response.json(await seedDemoPaidBill(body, { ...operator, ipAddress }, deps), { status: 201 });
});
