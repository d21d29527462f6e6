export const orderKeys = {
  all: ["orders"] as const,
  lists: () => [...orderKeys.all, "list"] as const,
  list: (search: string) => [...orderKeys.lists(), search] as const,
  detail: (orderId: string) => [...orderKeys.all, "detail", orderId] as const,
  reconciliations: () => [...orderKeys.all, "reconciliations"] as const,
  reconciliation: (id: string) => [...orderKeys.reconciliations(), id] as const,
  export: (id: string) => [...orderKeys.all, "export", id] as const,
};
