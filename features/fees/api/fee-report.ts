import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { FeeReport } from "@/lib/contracts/fees";

export const feeKeys = {
  all: ["fees"] as const,
  report: (month: string | undefined) => ["fees", "report", month ?? "current"] as const,
  policies: () => ["fees", "policies"] as const,
  products: () => ["fees", "products"] as const,
  settings: () => ["fees", "settings"] as const,
};

export const feeReportPath = (month: string | undefined, suffix = "") => `/api/fees/report${suffix}${month ? `?month=${month}` : ""}`;

export const feeReportQueryOptions = (month: string | undefined) =>
  queryOptions({
    queryKey: feeKeys.report(month),
    queryFn: ({ signal }) => apiFetch<FeeReport>(feeReportPath(month), { signal }),
  });

export const useFeeReport = (month: string | undefined) => useQuery(feeReportQueryOptions(month));
