"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const TONES = { pass: "green", fail: "red", skipped: "amber" } as const;

export function VerdictBadge({ verdict }: { verdict: string | null }) {
  const t = useTranslations("simulator");
  if (!verdict) return <Badge>{t("verdict.none")}</Badge>;
  const tone = TONES[verdict as keyof typeof TONES] ?? "neutral";
  return <Badge tone={tone}>{t.has(`verdict.${verdict}`) ? t(`verdict.${verdict}`) : verdict}</Badge>;
}

const STATE_TONES: Record<string, "green" | "red" | "amber" | "blue" | "neutral"> = {
  succeeded: "green",
  failed: "red",
  exhausted: "red",
  retrying: "amber",
  polling: "blue",
  sending: "neutral",
  active: "green",
  opening: "blue",
  frozen: "amber",
  released: "neutral",
};

export function StateBadge({ group, state }: { group: "states" | "status"; state: string }) {
  const t = useTranslations("simulator");
  return <Badge tone={STATE_TONES[state] ?? "neutral"}>{t.has(`${group}.${state}`) ? t(`${group}.${state}`) : state}</Badge>;
}
