import type { SavedCaseDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import type { Deps } from "@/server/deps";

export const listSavedCases = async (deps: Pick<Deps, "db">): Promise<{ savedCases: SavedCaseDto[] }> => {
  const rows = await deps.db.simulatorSavedCase.findMany({ orderBy: [{ targetUrl: "asc" }, { productKey: "asc" }, { savedAt: "asc" }] });
  return { savedCases: rows.map((row) => ({ id: row.id, productKey: row.productKey, caseKey: row.caseKey, targetUrl: row.targetUrl, savedAt: row.savedAt.toISOString() })) };
};
