export const productKeys = {
  all: ["products"] as const,
  list: () => [...productKeys.all, "list"] as const,
};
