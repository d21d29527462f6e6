import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { OrderDetailView } from "@/features/orders/components/order-detail";
import { requirePageOperator } from "@/server/auth/page-guard";

// A malformed escape in a typed URL should find nothing, not crash the page.
const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export async function generateMetadata({ params }: { params: Promise<{ orderId: string }> }): Promise<Metadata> {
  const { orderId } = await params;
  return { title: `${(await getTranslations("nav"))("orders")} ${safeDecode(orderId)}` };
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const operator = await requirePageOperator();
  const { orderId } = await params;
  const t = await getTranslations();
  const id = safeDecode(orderId);
  return (
    <>
      <PageHeader title={`${t("orders.detail.summary")} ${id}`} />
      <OrderDetailView orderId={id} canOperate={hasPermission(operator.role, "operations:write")} />
    </>
  );
}
