import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LoadingRows } from "@/components/ui/states";
import { hasPermission } from "@/domain/auth/roles";
import { MessagesLog } from "@/features/messages/components/messages-log";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("messages") };
}

export default async function MessagesPage() {
  const operator = await requirePageOperator("console:read");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.messages")} description={t("messages.description")} />
      <Suspense fallback={<LoadingRows label={t("common.loading")} />}>
        <MessagesLog canOperate={hasPermission(operator.role, "operations:write")} />
      </Suspense>
    </>
  );
}
