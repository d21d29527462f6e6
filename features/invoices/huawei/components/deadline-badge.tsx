"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DeadlineDto } from "@/lib/contracts/huawei-invoices";

export function DeadlineBadge({ deadline }: { deadline: DeadlineDto }) {
  const t = useTranslations("huaweiInvoices.deadline");
  if (deadline.kind === "issued") return <Badge tone="green">{t("issued")}</Badge>;
  if (deadline.kind === "overdue") {
    return (
      <span data-testid="deadline-badge" title={t("by", { date: deadline.deadline })}>
        <Badge tone="red">{t("overdue", { days: deadline.daysOverdue })}</Badge>
      </span>
    );
  }
  return (
    <span data-testid="deadline-badge" title={t("by", { date: deadline.deadline })}>
      <Badge tone={deadline.kind === "dueSoon" ? "amber" : "blue"}>{t("dueIn", { days: deadline.daysLeft })}</Badge>
    </span>
  );
}
