"use client";

import { useTranslations } from "next-intl";

export function OneTimePassword({ value }: { value: string }) {
  const t = useTranslations("operators");
  return (
    <p className="mt-1">
      {t("oneTimePassword")}{" "}
      <code data-testid="one-time-password" className="rounded bg-white px-1.5 py-0.5 font-mono text-slate-900">
        {value}
      </code>{" "}
      <span className="text-xs">{t("oneTimePasswordHint")}</span>
    </p>
  );
}
