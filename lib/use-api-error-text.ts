"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/api-client";

// Turns an API failure into the operator's language: the message key if we have a translation,
// the server's English detail otherwise.
export const useApiErrorText = () => {
  const t = useTranslations();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.messageKey && t.has(error.messageKey)) return t(error.messageKey);
      return error.message;
    }
    return t("errors.network");
  };
};

export const useIssueText = () => {
  const t = useTranslations();
  return (code: string, fallback: string): string => (t.has(code) ? t(code) : fallback);
};
