import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { productKeys } from "@/features/products/api/product-keys";
import { apiFetch } from "@/lib/api-client";
import type { ProductDto, TestEventResult, UpdateProductInput } from "@/lib/contracts/products";

export const productsQueryOptions = () =>
  queryOptions({
    queryKey: productKeys.list(),
    queryFn: () => apiFetch<{ products: ProductDto[] }>("/api/products"),
  });

export const useProducts = () => useQuery(productsQueryOptions());

export const useUpdateProduct = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateProductInput }) =>
      apiFetch<{ product: ProductDto }>(`/api/products/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: productKeys.all }),
  });
};

export const useRevealWebhookSecret = () =>
  useMutation({
    mutationFn: (id: string) => apiFetch<{ secret: string }>(`/api/products/${id}/webhook-secret`, { method: "POST" }),
  });

export const useRotateWebhookSecret = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ secret: string }>(`/api/products/${id}/webhook-secret/rotate`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: productKeys.all }),
  });
};

export const useSendTestEvent = () =>
  useMutation({
    mutationFn: (id: string) => apiFetch<{ result: TestEventResult }>(`/api/products/${id}/test-event`, { method: "POST" }),
  });
