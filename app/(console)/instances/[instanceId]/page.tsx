import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { InstanceDetailView } from "@/features/instances/components/instance-detail";
import { requirePageOperator } from "@/server/auth/page-guard";

// A malformed escape in a typed URL should find nothing, not crash the page.
const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  const { instanceId } = await params;
  return { title: `${(await getTranslations("nav"))("instances")} ${safeDecode(instanceId)}` };
}

export default async function InstancePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const operator = await requirePageOperator();
  const { instanceId } = await params;
  const t = await getTranslations();
  const id = safeDecode(instanceId);
  return (
    <>
      <PageHeader title={`${t("instances.detail.summary")} ${id}`} />
      <InstanceDetailView instanceId={id} canReveal={hasPermission(operator.role, "operations:write")} />
    </>
  );
}
