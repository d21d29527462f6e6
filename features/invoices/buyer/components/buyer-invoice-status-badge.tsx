"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { BuyerInvoiceStatus } from "@/domain/invoices/buyer/status";

const TONES: Record<BuyerInvoiceStatus, "neutral" | "green" | "red" | "amber" | "blue"> = {
  pending_review: "amber",
  awaiting_issue: "blue",
  awaiting_receipt: "blue",
  completed: "green",
  rejected: "red",
  returned: "neutral",
};

export function BuyerInvoiceStatusBadge({ status }: { status: BuyerInvoiceStatus }) {
  const t = useTranslations("buyerInvoices.statuses");
  return (
    <span data-testid="buyer-invoice-status">
      <Badge tone={TONES[status]}>{t(status)}</Badge>
    </span>
  );
}
