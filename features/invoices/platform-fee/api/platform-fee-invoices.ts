import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type {
  CreateRequestInput,
  EligibleBillDto,
  IssueRequestInput,
  PlatformFeeRequestDetail,
  PlatformFeeRequestSummary,
  ReturnRequestInput,
  UploadPdfInput,
} from "@/lib/contracts/platform-fee-invoices";

export const platformFeeKeys = {
  all: ["platform-fee-invoices"] as const,
  list: () => ["platform-fee-invoices", "list"] as const,
  eligible: () => ["platform-fee-invoices", "eligible"] as const,
  detail: (id: string) => ["platform-fee-invoices", "detail", id] as const,
};

export const useRequests = () =>
  useQuery({ queryKey: platformFeeKeys.list(), queryFn: ({ signal }) => apiFetch<{ requests: PlatformFeeRequestSummary[] }>("/api/invoices/platform-fee", { signal }) });

export const useEligibleBills = () =>
  useQuery({
    queryKey: platformFeeKeys.eligible(),
    queryFn: ({ signal }) => apiFetch<{ bills: EligibleBillDto[]; forcedBillUuids: string[] }>("/api/invoices/platform-fee/eligible", { signal }),
  });

export const useRequest = (id: string) =>
  useQuery({ queryKey: platformFeeKeys.detail(id), queryFn: ({ signal }) => apiFetch<PlatformFeeRequestDetail>(`/api/invoices/platform-fee/${id}`, { signal }) });

const useInvalidating = <I, O>(fn: (input: I) => Promise<O>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: platformFeeKeys.all }) });
};

export const useCreateRequest = () =>
  useInvalidating((input: CreateRequestInput) => apiFetch<{ id: string; netAmount: string }>("/api/invoices/platform-fee", { method: "POST", body: input }));

export const useSetPaymentRequestNo = () =>
  useInvalidating(({ billUuid, paymentRequestNo }: { billUuid: string; paymentRequestNo: string }) =>
    apiFetch(`/api/invoices/platform-fee/bills/${billUuid}/payment-request`, { method: "PUT", body: { paymentRequestNo } }),
  );

export const useIssueRequest = (id: string) =>
  useInvalidating((input: IssueRequestInput) => apiFetch(`/api/invoices/platform-fee/${id}/issue`, { method: "POST", body: input }));

export const useUploadPdf = (id: string) =>
  useInvalidating((input: UploadPdfInput) => apiFetch<{ byteSize: number }>(`/api/invoices/platform-fee/${id}/pdf`, { method: "PUT", body: input }));

export const useReturnRequest = (id: string) =>
  useInvalidating((input: ReturnRequestInput) => apiFetch(`/api/invoices/platform-fee/${id}/return`, { method: "POST", body: input }));
