import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type {
  BuyerInvoiceActionInput,
  BuyerInvoiceDetail,
  BuyerInvoiceListQuery,
  BuyerInvoiceSummary,
  CreateBuyerInvoiceInput,
  RefundVerdictDto,
} from "@/lib/contracts/buyer-invoices";

export const buyerInvoiceKeys = {
  all: ["buyer-invoices"] as const,
  list: (query: BuyerInvoiceListQuery) => ["buyer-invoices", "list", query] as const,
  detail: (id: string) => ["buyer-invoices", "detail", id] as const,
  refund: (orderId: string) => ["buyer-invoices", "refund", orderId] as const,
};

export const useBuyerInvoices = (query: BuyerInvoiceListQuery) => {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.orderId) params.set("orderId", query.orderId);
  return useQuery({
    queryKey: buyerInvoiceKeys.list(query),
    queryFn: ({ signal }) => apiFetch<{ requests: BuyerInvoiceSummary[] }>(`/api/invoices/buyer?${params.toString()}`, { signal }),
  });
};

export const useBuyerInvoice = (id: string) =>
  useQuery({ queryKey: buyerInvoiceKeys.detail(id), queryFn: ({ signal }) => apiFetch<BuyerInvoiceDetail>(`/api/invoices/buyer/${id}`, { signal }) });

export const useOrderRefundCheck = (orderId: string) =>
  useQuery({
    queryKey: buyerInvoiceKeys.refund(orderId),
    queryFn: ({ signal }) => apiFetch<RefundVerdictDto>(`/api/invoices/buyer/refund-check?orderId=${encodeURIComponent(orderId)}`, { signal }),
  });

export const useCreateBuyerInvoice = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBuyerInvoiceInput) => apiFetch<{ id: string }>("/api/invoices/buyer", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: buyerInvoiceKeys.all }),
  });
};

export const useBuyerInvoiceAction = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BuyerInvoiceActionInput) => apiFetch(`/api/invoices/buyer/${id}/actions`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: buyerInvoiceKeys.all }),
  });
};
