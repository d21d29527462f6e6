import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { OrdersList } from "@/features/orders/components/orders-list";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("orders") };
}

export default async function OrdersPage() {
  await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("nav.orders")}
        description={t("orders.description")}
        actions={
          <Link href="/orders/reconciliations" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
            {t("orders.reconciliationLink")}
          </Link>
        }
      />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <OrdersList />
      </Suspense>
    </>
  );
}
