import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type {
  ChecklistInput,
  HuaweiBuyerDto,
  HuaweiBuyerInput,
  HuaweiChecklistDetail,
  HuaweiInvoiceBillRow,
  RecordHuaweiInvoiceInput,
} from "@/lib/contracts/huawei-invoices";

export const huaweiInvoiceKeys = {
  all: ["huawei-invoices"] as const,
  list: () => ["huawei-invoices", "list"] as const,
  buyer: () => ["huawei-invoices", "buyer"] as const,
  detail: (billUuid: string) => ["huawei-invoices", "detail", billUuid] as const,
};

export const useHuaweiInvoiceBills = () =>
  useQuery({ queryKey: huaweiInvoiceKeys.list(), queryFn: ({ signal }) => apiFetch<{ bills: HuaweiInvoiceBillRow[] }>("/api/invoices/huawei", { signal }) });

export const useHuaweiBuyer = () =>
  useQuery({ queryKey: huaweiInvoiceKeys.buyer(), queryFn: ({ signal }) => apiFetch<HuaweiBuyerDto>("/api/invoices/huawei/buyer-details", { signal }) });

export const useHuaweiChecklist = (billUuid: string) =>
  useQuery({ queryKey: huaweiInvoiceKeys.detail(billUuid), queryFn: ({ signal }) => apiFetch<HuaweiChecklistDetail>(`/api/invoices/huawei/${billUuid}`, { signal }) });

const useInvalidating = <I, O>(fn: (input: I) => Promise<O>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: huaweiInvoiceKeys.all }) });
};

export const useUpdateHuaweiBuyer = () =>
  useInvalidating((input: HuaweiBuyerInput) => apiFetch<HuaweiBuyerDto>("/api/invoices/huawei/buyer-details", { method: "PUT", body: input }));

export const useSaveChecklist = (billUuid: string) =>
  useInvalidating((input: ChecklistInput) => apiFetch(`/api/invoices/huawei/${billUuid}`, { method: "PUT", body: input }));

export const useRecordHuaweiInvoice = (billUuid: string) =>
  useInvalidating((input: RecordHuaweiInvoiceInput) => apiFetch(`/api/invoices/huawei/${billUuid}/invoices`, { method: "POST", body: input }));

export const useVoidHuaweiInvoice = (billUuid: string) =>
  useInvalidating((taxRatePercent: string) =>
    apiFetch(`/api/invoices/huawei/${billUuid}/invoices?taxRatePercent=${encodeURIComponent(taxRatePercent)}`, { method: "DELETE" }),
  );
