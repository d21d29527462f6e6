"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MessageStatus } from "@/lib/contracts/messages";

const TONES: Record<MessageStatus, "neutral" | "green" | "red" | "amber" | "blue"> = {
  succeeded: "green",
  failed: "red",
  dead: "red",
  needs_review: "amber",
  awaiting_operator: "amber",
  pending: "blue",
  processing: "blue",
  cancelled: "neutral",
  resolved: "neutral",
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const t = useTranslations("messages.status");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={TONES[status]}>{t(status)}</Badge>
    </span>
  );
}

export function TestBadge() {
  const t = useTranslations("messages");
  return <Badge tone="amber">{t("testBadge")}</Badge>;
}

export function DirectionBadge({ direction }: { direction: "inbound" | "outbound" }) {
  const t = useTranslations("messages.direction");
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap text-xs text-slate-600">
      <span aria-hidden="true">{direction === "inbound" ? "↓" : "↑"}</span>
      {t(direction)}
    </span>
  );
}
