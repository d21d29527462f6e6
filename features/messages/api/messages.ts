import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageKeys } from "@/features/messages/api/message-keys";
import { filterToSearch, type MessagesFilterParams } from "@/features/messages/api/messages-filter";
import { apiFetch } from "@/lib/api-client";
import type { BulkResult, CompleteDeliveryInput, MessageDetail, MessageDirection, MessagesPage } from "@/lib/contracts/messages";

// While the page is open the log refreshes itself; the operator can pause it to read.
export const LIVE_REFRESH_MS = 5_000;

export const messagesQueryOptions = (filter: MessagesFilterParams, live: boolean) =>
  infiniteQueryOptions({
    queryKey: messageKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = filterToSearch(filter);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<MessagesPage>(`/api/messages?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });

export const useMessages = (filter: MessagesFilterParams, live: boolean) => useInfiniteQuery(messagesQueryOptions(filter, live));

export const messageDetailQueryOptions = (direction: MessageDirection, id: string, live: boolean) =>
  queryOptions({
    queryKey: messageKeys.detail(direction, id),
    queryFn: ({ signal }) => apiFetch<MessageDetail>(`/api/messages/${direction}/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });

export const useMessageDetail = (direction: MessageDirection, id: string, live: boolean) => useQuery(messageDetailQueryOptions(direction, id, live));

export type DeliveryAction = "rerun" | "cancel" | "resolve";

export const postDeliveryAction = (action: DeliveryAction, ids: string[], comment?: string) =>
  apiFetch<BulkResult>(`/api/messages/deliveries/${action}`, { method: "POST", body: action === "resolve" ? { ids, comment } : { ids } });

export const useDeliveryAction = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ids, comment }: { action: DeliveryAction; ids: string[]; comment?: string }) => postDeliveryAction(action, ids, comment),
    onSettled: () => client.invalidateQueries({ queryKey: messageKeys.all }),
  });
};

export const useCompleteDelivery = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: CompleteDeliveryInput & { id: string }) =>
      apiFetch<{ completed: true }>(`/api/messages/deliveries/${id}/complete`, { method: "POST", body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: messageKeys.all }),
  });
};
