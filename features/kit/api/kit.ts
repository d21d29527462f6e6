import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { KitOverview, KitQuery } from "@/lib/contracts/kit";

export const kitKeys = {
  all: ["kit"] as const,
  tenants: (query: KitQuery) => [...kitKeys.all, "tenants", query] as const,
};

export const kitTenantsQueryOptions = (query: KitQuery) =>
  queryOptions({
    queryKey: kitKeys.tenants(query),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (query.instanceId !== undefined) params.set("instanceId", query.instanceId);
      if (query.tenantId) params.set("tenantId", query.tenantId);
      return apiFetch<KitOverview>(`/api/kit/tenants?${params}`, { signal });
    },
  });

export const useKitTenants = (query: KitQuery) => useQuery(kitTenantsQueryOptions(query));
