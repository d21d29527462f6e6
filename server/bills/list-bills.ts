import type { BillCategory, BillSummary } from "@/lib/contracts/bills";
import { toBillSummary } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";

export const listBills = async (category: BillCategory, deps: Pick<Deps, "db">): Promise<{ bills: BillSummary[] }> => {
  const rows = await deps.db.bill.findMany({
    where: { category },
    orderBy: { billId: "desc" },
    take: 120,
    include: { imports: { orderBy: { importedAt: "desc" }, take: 1, select: { importedAt: true, differenceCount: true } } },
  });
  return { bills: rows.map(toBillSummary) };
};
