import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { productKeys } from "@/features/products/api/product-keys";
import { ProductsView } from "@/features/products/components/products-view";
import { getQueryClient } from "@/lib/query-client";
import { requirePageOperator } from "@/server/auth/page-guard";
import { defaultDeps } from "@/server/deps";
import { listProducts } from "@/server/products/list-products";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("products") };
}

export default async function ProductsPage() {
  const operator = await requirePageOperator();
  const t = await getTranslations();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ queryKey: productKeys.list(), queryFn: async () => ({ products: await listProducts(defaultDeps()) }) });
  return (
    <>
      <PageHeader
        title={t("nav.products")}
        description={t("products.description")}
        actions={
          <Link href="/products/events" className="text-sm text-brand-700 underline">
            {t("products.eventsLink")}
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        {/* The API checks the same permissions; these only keep controls a role cannot use off the page. */}
        <ProductsView canEdit={hasPermission(operator.role, "operations:write")} canManageSecret={hasPermission(operator.role, "secrets:reveal")} />
      </HydrationBoundary>
    </>
  );
}
