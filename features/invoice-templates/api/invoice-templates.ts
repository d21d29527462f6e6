import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { InvoiceTemplateDetail, InvoiceTemplateDto, TemplateInput } from "@/lib/contracts/invoice-templates";

export const templateKeys = {
  all: ["invoice-templates"] as const,
  list: () => ["invoice-templates", "list"] as const,
  detail: (id: string) => ["invoice-templates", "detail", id] as const,
};

export const useTemplates = () =>
  useQuery({ queryKey: templateKeys.list(), queryFn: ({ signal }) => apiFetch<{ templates: InvoiceTemplateDto[] }>("/api/invoice-templates", { signal }) });

export const useTemplate = (id: string | null) =>
  useQuery({
    queryKey: templateKeys.detail(id ?? "none"),
    queryFn: ({ signal }) => apiFetch<InvoiceTemplateDetail>(`/api/invoice-templates/${id}`, { signal }),
    enabled: id !== null,
  });

const useInvalidating = <I, O>(fn: (input: I) => Promise<O>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }) });
};

export const useCreateTemplate = () =>
  useInvalidating((input: TemplateInput) => apiFetch<{ id: string; version: number }>("/api/invoice-templates", { method: "POST", body: input }));

export const useUpdateTemplate = () =>
  useInvalidating(({ id, input }: { id: string; input: TemplateInput }) =>
    apiFetch<{ id: string; version: number; changedFields: string[] }>(`/api/invoice-templates/${id}`, { method: "PUT", body: input }),
  );

export const useActivateTemplate = () =>
  useInvalidating((id: string) => apiFetch<{ id: string; retired: string[] }>(`/api/invoice-templates/${id}/activate`, { method: "POST" }));
