import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { BillCategory, BillDetail, BillImportDto, BillSummary, GenerateBillInput, ImportBillInput, SetBillStatusInput } from "@/lib/contracts/bills";

export const billKeys = {
  all: ["bills"] as const,
  list: (category: BillCategory) => ["bills", "list", category] as const,
  detail: (uuid: string) => ["bills", "detail", uuid] as const,
};

export const billsQueryOptions = (category: BillCategory) =>
  queryOptions({
    queryKey: billKeys.list(category),
    queryFn: ({ signal }) => apiFetch<{ bills: BillSummary[] }>(`/api/bills?category=${category}`, { signal }),
  });

export const useBills = (category: BillCategory) => useQuery(billsQueryOptions(category));

export const billQueryOptions = (uuid: string) =>
  queryOptions({ queryKey: billKeys.detail(uuid), queryFn: ({ signal }) => apiFetch<BillDetail>(`/api/bills/${uuid}`, { signal }) });

export const useBill = (uuid: string) => useQuery(billQueryOptions(uuid));

export const useGenerateBill = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateBillInput) => apiFetch<{ uuid: string; lineCount: number }>("/api/bills", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: billKeys.all }),
  });
};

export const useSetBillStatus = (uuid: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetBillStatusInput) => apiFetch(`/api/bills/${uuid}/status`, { method: "PUT", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: billKeys.all }),
  });
};

export const useImportBill = (uuid: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportBillInput) => apiFetch<BillImportDto>(`/api/bills/${uuid}/imports`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: billKeys.all }),
  });
};
