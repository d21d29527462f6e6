import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { apiFetch } from "@/lib/api-client";
import type { SettingView } from "@/lib/contracts/settings";

export const settingsQueryOptions = () =>
  queryOptions({ queryKey: settingsKeys.all, queryFn: () => apiFetch<{ settings: SettingView[] }>("/api/settings") });

export const useSettings = () => useQuery(settingsQueryOptions());

export const useUpdateSettings = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, string | null>) => apiFetch<{ settings: SettingView[] }>("/api/settings", { method: "PATCH", body: patch }),
    onSuccess: (data) => client.setQueryData(settingsKeys.all, data),
  });
};

export const useRevealSecret = () =>
  useMutation({
    mutationFn: (key: string) => apiFetch<{ key: string; value: string }>(`/api/settings/secrets/${encodeURIComponent(key)}/reveal`, { method: "POST" }),
  });
