import type { PlatformFeeRequestDetail, PlatformFeeRequestSummary } from "@/lib/contracts/platform-fee-invoices";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { REQUEST_INCLUDE, toRequestDetail, toRequestSummary } from "@/server/invoices/platform-fee/request-dto";

export const listRequests = async (deps: Pick<Deps, "db">): Promise<{ requests: PlatformFeeRequestSummary[] }> => {
  const rows = await deps.db.platformFeeInvoiceRequest.findMany({ orderBy: { requestedAt: "desc" }, take: 500, include: REQUEST_INCLUDE });
  return { requests: rows.map(toRequestSummary) };
};

export const getRequest = async (requestId: string, deps: Pick<Deps, "db">): Promise<PlatformFeeRequestDetail> => {
  const row = await deps.db.platformFeeInvoiceRequest.findUnique({ where: { id: requestId }, include: REQUEST_INCLUDE });
  if (!row) throw new AppError("NOT_FOUND", "No such platform-fee invoice request.", { messageKey: "invoices.platformFee.notFound" });
  return toRequestDetail(row);
};
