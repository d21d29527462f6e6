import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { AuditPage } from "@/lib/contracts/audit";

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string };

export const auditFilterToSearch = (filter: AuditFilter): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
};

export const auditEventsQueryOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ["audit-events", filter] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = auditFilterToSearch(filter);
      if (pageParam) params.set("before", pageParam);
      return apiFetch<AuditPage>(`/api/audit-events?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });

export const useAuditEvents = (filter: AuditFilter) => useInfiniteQuery(auditEventsQueryOptions(filter));
