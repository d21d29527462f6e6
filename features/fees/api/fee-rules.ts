import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { feeKeys } from "@/features/fees/api/fee-report";
import { apiFetch } from "@/lib/api-client";
import type { FeePolicyDto, FeePolicyInput, FeeSettingsInput, ProductTermsDto, ProductTermsInput } from "@/lib/contracts/fees";

export const usePolicies = () =>
  useQuery({ queryKey: feeKeys.policies(), queryFn: ({ signal }) => apiFetch<{ policies: FeePolicyDto[] }>("/api/fees/policies", { signal }) });

export const useProductTerms = () =>
  useQuery({ queryKey: feeKeys.products(), queryFn: ({ signal }) => apiFetch<{ products: ProductTermsDto[] }>("/api/fees/products", { signal }) });

export const useFeeSettings = () =>
  useQuery({ queryKey: feeKeys.settings(), queryFn: ({ signal }) => apiFetch<FeeSettingsInput>("/api/fees/settings", { signal }) });

// Any rule change can move every figure in the report, so the whole fees cache goes.
const useInvalidatingMutation = <V,>(mutationFn: (variables: V) => Promise<unknown>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: feeKeys.all }) });
};

export const useAddPolicy = () => useInvalidatingMutation((input: FeePolicyInput) => apiFetch("/api/fees/policies", { method: "POST", body: input }));

export const useRemovePolicy = () =>
  useInvalidatingMutation((policyId: string) => apiFetch(`/api/fees/policies/${encodeURIComponent(policyId)}`, { method: "DELETE" }));

export const useSaveProductTerms = () =>
  useInvalidatingMutation(({ productCode, ...input }: ProductTermsInput & { productCode: string }) =>
    apiFetch(`/api/fees/products/${encodeURIComponent(productCode)}`, { method: "PUT", body: input }),
  );

export const useSaveFeeSettings = () => useInvalidatingMutation((input: FeeSettingsInput) => apiFetch("/api/fees/settings", { method: "PUT", body: input }));
