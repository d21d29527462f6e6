"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/states";
import { useBuyProduct } from "@/features/simulator/api/simulator";
import type { SimulatorOverviewDto } from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function BuyerPanel({ overview, targetUrl, onTargetUrlChange }: { overview: SimulatorOverviewDto; targetUrl: string; onTargetUrlChange: (value: string) => void }) {
  const t = useTranslations("simulator");
  const errorText = useApiErrorText();
  const buy = useBuyProduct();
  const [productKey, setProductKey] = useState(overview.products[0]?.key ?? "");
  const product = overview.products.find((p) => p.key === productKey);

  return (
    <form
      className="grid gap-4 md:grid-cols-[2fr_2fr_auto] md:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        buy.mutate({ productKey, targetUrl: targetUrl.trim() === "" ? undefined : targetUrl.trim() });
      }}
    >
      <Field label={t("buyer.target")} htmlFor="sim-target" hint={t("buyer.targetHint", { url: overview.defaultTargetUrl })}>
        <Input id="sim-target" value={targetUrl} placeholder={overview.defaultTargetUrl} onChange={(event) => onTargetUrlChange(event.target.value)} />
      </Field>
      <Field
        label={t("buyer.product")}
        htmlFor="sim-product"
        hint={product ? `${t(`billing.${product.billing}`)} · ${product.generation.toUpperCase()} · ${product.skus[0]?.productId ?? ""}` : undefined}
      >
        <Select id="sim-product" value={productKey} onChange={(event) => setProductKey(event.target.value)}>
          {overview.products.map((p) => (
            <option key={p.key} value={p.key}>
              {t(`products.${p.key}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={buy.isPending || !productKey}>
        {buy.isPending ? t("buyer.buying") : t("buyer.buy")}
      </Button>
      {buy.isError ? (
        <div className="md:col-span-3">
          <ErrorNotice>{errorText(buy.error)}</ErrorNotice>
        </div>
      ) : null}
    </form>
  );
}
