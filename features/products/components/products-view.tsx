"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useProducts } from "@/features/products/api/products";
import { ProductEditor } from "@/features/products/components/product-editor";
import { ProductsTable } from "@/features/products/components/products-table";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function ProductsView({ canEdit, canManageSecret }: { canEdit: boolean; canManageSecret: boolean }) {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const products = useProducts();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const selected = canEdit ? products.data?.products.find((product) => product.id === selectedId) : undefined;

  useEffect(() => {
    if (selectedId) editorRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [selectedId]);

  if (products.isPending) return <LoadingRows label={t("common.loading")} />;
  if (products.isError) return <ErrorNotice>{errorText(products.error)}</ErrorNotice>;
  if (products.data.products.length === 0) return <EmptyState title={t("products.empty")}>{t("products.emptyHelp")}</EmptyState>;

  return (
    <div className="space-y-6">
      {!canEdit ? <p className="text-sm text-slate-600">{t("products.readOnly")}</p> : null}
      <Card title={t("products.listTitle")}>
        <ProductsTable products={products.data.products} canEdit={canEdit} selectedId={selectedId} onEdit={setSelectedId} />
      </Card>
      {selected ? (
        <div ref={editorRef} className="scroll-mt-4">
          {/* Keyed by product: switching products starts a fresh form instead of carrying edits over. */}
          <ProductEditor key={selected.id} product={selected} canManageSecret={canManageSecret} onClose={() => setSelectedId(null)} />
        </div>
      ) : null}
    </div>
  );
}
