import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { CreatedOperator, CreateOperatorInput, OperatorDto, UpdateOperatorInput } from "@/lib/contracts/operators";

import { operatorKeys } from "@/features/operators/api/operator-keys";

export const operatorsQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.list(),
    queryFn: () => apiFetch<{ operators: OperatorDto[] }>("/api/operators"),
  });

export const useOperators = () => useQuery(operatorsQueryOptions());

export const useCreateOperator = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOperatorInput) => apiFetch<CreatedOperator>("/api/operators", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: operatorKeys.all }),
  });
};

export const useUpdateOperator = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateOperatorInput & { id: string }) =>
      apiFetch<{ operator: OperatorDto }>(`/api/operators/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: operatorKeys.all }),
  });
};

export const useResetOperatorPassword = () =>
  useMutation({
    mutationFn: (id: string) => apiFetch<{ oneTimePassword: string }>(`/api/operators/${id}/password-reset`, { method: "POST" }),
  });
