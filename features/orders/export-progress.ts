import type { OrderExportDto } from "@/lib/contracts/orders";

/**
 * How far an export has got, for the progress bar: rows written over the filter's total. The
 * total may be the planner's estimate, so a running export never shows 100 % (or more) before
 * the server says it has finished, and a finished one always shows 100 %.
 */
export const exportPercent = (progress: Pick<OrderExportDto, "rowsDone" | "total" | "status">): number => {
  if (progress.status === "finished") return 100;
  if (progress.total <= 0) return 0;
  return Math.min(99, Math.floor((progress.rowsDone / progress.total) * 100));
};

/** Whether the page should keep asking: until the export has finished, failed or been cancelled. */
export const exportIsOpen = (status: OrderExportDto["status"]): boolean => status === "ready" || status === "running";
