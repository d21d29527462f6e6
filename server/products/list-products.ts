import type { ProductDto } from "@/lib/contracts/products";
import type { Deps } from "@/server/deps";
import { toProductDto } from "@/server/products/product-dto";

export const listProducts = async (deps: Pick<Deps, "db">): Promise<ProductDto[]> => {
  const [rows, counts] = await Promise.all([
    deps.db.product.findMany({ orderBy: [{ needsReview: "desc" }, { createdAt: "desc" }] }),
    deps.db.instance.groupBy({ by: ["productCode"], _count: { _all: true } }),
  ]);
  const byCode = new Map(counts.map((c) => [c.productCode, c._count._all]));
  return rows.map((row) => toProductDto(row, byCode.get(row.productCode) ?? 0));
};
