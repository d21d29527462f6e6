"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/api-client";

// Field errors from problem+json: our schemas put a translation key in each issue's message.
export const useFieldErrors = (error: unknown) => {
  const t = useTranslations();
  return (field: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    const issue = error.issues.find((candidate) => candidate.path === field || candidate.path.startsWith(`${field}.`));
    if (!issue) return undefined;
    if (t.has(issue.message)) return t(issue.message);
    if (t.has(issue.code)) return t(issue.code);
    return issue.message;
  };
};
