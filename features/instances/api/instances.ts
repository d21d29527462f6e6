import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { InstanceCredentials, InstanceDetail, InstancePage } from "@/lib/contracts/instances";

export const instanceKeys = {
  all: ["instances"] as const,
  list: (search: string) => [...instanceKeys.all, "list", search] as const,
  detail: (instanceId: string) => [...instanceKeys.all, "detail", instanceId] as const,
};

export const INSTANCE_FILTER_KEYS = ["status", "product", "customer", "orderId", "expiringWithinDays", "test"] as const;
export type InstanceFilterValues = Partial<Record<(typeof INSTANCE_FILTER_KEYS)[number], string>>;

export const instanceSearch = (values: InstanceFilterValues & { after?: string }): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params;
};

export const useInstances = (search: string) =>
  useQuery({
    queryKey: instanceKeys.list(search),
    queryFn: ({ signal }) => apiFetch<InstancePage>(`/api/instances?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useInstance = (instanceId: string) =>
  useQuery({
    queryKey: instanceKeys.detail(instanceId),
    queryFn: ({ signal }) => apiFetch<InstanceDetail>(`/api/instances/${encodeURIComponent(instanceId)}`, { signal }),
  });

// Never cached: the values live only in the component that asked for them.
export const useRevealCredentials = (instanceId: string) =>
  useMutation({
    mutationFn: () => apiFetch<InstanceCredentials>(`/api/instances/${encodeURIComponent(instanceId)}/credentials`, { method: "POST" }),
  });
