"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

// Under half an hour the operator must act now: a re-run still has time to succeed before the
// marketplace gives up and refunds the buyer.
export const DEADLINE_WARNING_MS = 30 * 60_000;

const useNow = (everyMs: number) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

export const useDuration = () => {
  const t = useTranslations("messages.duration");
  return (ms: number, withSeconds = false): string => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0) return t("hm", { h, m });
    if (withSeconds || m === 0) return m > 0 ? t("ms", { m, s }) : t("s", { s });
    return t("m", { m });
  };
};

// `skewMs` is the server clock minus the browser's, so a wrong clock on the operator's machine
// does not move the deadline.
export function DeadlineCountdown({ deadlineAt, skewMs = 0, size = "small" }: { deadlineAt: string; skewMs?: number; size?: "small" | "large" }) {
  const t = useTranslations("messages.deadline");
  const duration = useDuration();
  const now = useNow(size === "large" ? 1000 : 15_000) + skewMs;
  const remaining = new Date(deadlineAt).getTime() - now;
  const passed = remaining <= 0;
  const close = !passed && remaining < DEADLINE_WARNING_MS;
  return (
    <span
      data-testid="deadline"
      data-urgent={close || passed ? "true" : "false"}
      className={clsx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded font-medium",
        size === "large" ? "px-2 py-1 text-base" : "px-1.5 py-0.5 text-xs",
        passed ? "bg-slate-200 text-slate-700" : close ? "bg-red-600 text-white" : "bg-amber-50 text-amber-800",
      )}
    >
      {close ? <span aria-hidden="true">⚠</span> : null}
      {passed ? t("passed") : t("remaining", { time: duration(remaining, size === "large") })}
    </span>
  );
}
