import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { hasPermission } from "@/domain/auth/roles";
import { MessageDetailView } from "@/features/messages/components/message-detail";
import { messageParamsSchema } from "@/lib/contracts/messages";
import { requirePageOperator } from "@/server/auth/page-guard";

type Params = { params: Promise<{ direction: string; messageId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { direction } = await params;
  const t = await getTranslations("messages");
  return { title: direction === "inbound" ? t("detail.titleInbound") : t("detail.titleOutbound") };
}

export default async function MessageDetailPage({ params }: Params) {
  const operator = await requirePageOperator("console:read");
  const parsed = messageParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations("messages");
  return (
    <>
      <PageHeader title={parsed.data.direction === "inbound" ? t("detail.titleInbound") : t("detail.titleOutbound")} />
      <MessageDetailView
        direction={parsed.data.direction}
        messageId={parsed.data.messageId}
        canOperate={hasPermission(operator.role, "operations:write")}
      />
    </>
  );
}
