"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ProductDto } from "@/lib/contracts/products";

const MODE_TONE = { none: "neutral", webhook: "blue", manual: "amber" } as const;

export function ProvisioningModeBadge({ mode }: { mode: ProductDto["provisioningMode"] }) {
  const t = useTranslations("products");
  return <Badge tone={MODE_TONE[mode]}>{t(`modes.${mode}`)}</Badge>;
}

export function ProductsTable({
  products,
  canEdit,
  selectedId,
  onEdit,
}: {
  products: ProductDto[];
  canEdit: boolean;
  selectedId: string | null;
  onEdit: (id: string) => void;
}) {
  const t = useTranslations("products");
  const headers = ["code", "sku", "name", "chargingMode", "mode", "review", "instances"] as const;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t(`columns.${header}`)}
              </th>
            ))}
            {canEdit ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("edit")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {products.map((product) => (
            <tr key={product.id} data-testid={`product-row-${product.productCode}`} className={product.id === selectedId ? "bg-brand-50/60" : undefined}>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{product.productCode}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{product.skuCode ?? "—"}</td>
              <td className="px-3 py-2">{product.name ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {product.chargingMode && t.has(`chargingModes.${product.chargingMode}`) ? t(`chargingModes.${product.chargingMode}`) : (product.chargingMode ?? "—")}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-col gap-1">
                  <span>
                    <ProvisioningModeBadge mode={product.provisioningMode} />
                  </span>
                  {product.provisioningMode === "webhook" && product.webhookUrl ? (
                    <span className="max-w-64 truncate font-mono text-[11px] text-slate-500" title={product.webhookUrl}>
                      {product.webhookUrl}
                    </span>
                  ) : null}
                </div>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {product.needsReview ? <Badge tone="amber">{t("needsReview")}</Badge> : <Badge tone="green">{t("reviewed")}</Badge>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{product.instances}</td>
              {canEdit ? (
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  <Button variant="secondary" aria-label={t("editOf", { code: product.productCode })} onClick={() => onEdit(product.id)}>
                    {t("edit")}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
