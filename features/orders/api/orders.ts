import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { orderKeys } from "@/features/orders/api/order-keys";
import { apiFetch } from "@/lib/api-client";
import { exportIsOpen } from "@/features/orders/export-progress";
import type { ExportFormat, OrderDetail, OrderExportDto, OrderPage, ReconciliationDto, ReconciliationSummaryDto, RefetchResult } from "@/lib/contracts/orders";

// The URL's query string is the filter (and the page cursor): one source of truth for the
// table, the export link and a bookmark.
export const FILTER_KEYS = ["orderId", "customer", "product", "orderType", "chargingMode", "amountMin", "amountMax", "from", "to", "test", "sort", "dir"] as const;
export type OrderFilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export const filterSearch = (values: OrderFilterValues & { after?: string }): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params;
};

export const ordersQueryOptions = (search: string) =>
  queryOptions({
    queryKey: orderKeys.list(search),
    queryFn: ({ signal }) => apiFetch<OrderPage>(`/api/orders?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useOrders = (search: string) => useQuery(ordersQueryOptions(search));

export const orderQueryOptions = (orderId: string) =>
  queryOptions({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => apiFetch<OrderDetail>(`/api/orders/${encodeURIComponent(orderId)}`, { signal }),
  });

export const useOrder = (orderId: string) => useQuery(orderQueryOptions(orderId));

export const useRefetchOrder = (orderId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<RefetchResult>(`/api/orders/${encodeURIComponent(orderId)}/refetch`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }),
  });
};

export const useReconciliations = () =>
  useQuery({
    queryKey: orderKeys.reconciliations(),
    queryFn: ({ signal }) => apiFetch<{ runs: ReconciliationSummaryDto[] }>("/api/orders/reconciliations", { signal }),
    // A run progresses in the background: follow it while one is open.
    refetchInterval: (query) => (query.state.data?.runs.some((run) => run.finishedAt === null) ? 3_000 : false),
  });

export const useReconciliation = (id: string | null) =>
  useQuery({
    queryKey: orderKeys.reconciliation(id ?? ""),
    queryFn: ({ signal }) => apiFetch<ReconciliationDto>(`/api/orders/reconciliations/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.finishedAt === null ? 3_000 : false),
  });

export const useStartReconciliation = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ id: string | null; ordersTotal: number }>("/api/orders/reconciliations", { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.reconciliations() }),
  });
};

// Exports: start one for the current filter, follow it, cancel it (see server/orders/order-exports.ts).
export const useStartExport = () =>
  useMutation({
    mutationFn: ({ format, filter }: { format: ExportFormat; filter: OrderFilterValues }) =>
      apiFetch<OrderExportDto>("/api/orders/exports", { method: "POST", body: { ...filter, format } }),
  });

export const useOrderExport = (id: string | null) =>
  useQuery({
    queryKey: orderKeys.export(id ?? ""),
    queryFn: ({ signal }) => apiFetch<OrderExportDto>(`/api/orders/exports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (!query.state.data || exportIsOpen(query.state.data.status) ? 1_000 : false),
  });

export const useCancelExport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<OrderExportDto>(`/api/orders/exports/${id}`, { method: "DELETE" }),
    onSuccess: (data) => client.setQueryData(orderKeys.export(data.id), data),
  });
};
