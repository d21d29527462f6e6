"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { isRequestStatus, REQUEST_STATUSES, type RequestStatus } from "@/domain/invoices/platform-fee/platform-fee-request";
import { useRequests } from "@/features/invoices/platform-fee/api/platform-fee-invoices";
import { useApiErrorText } from "@/lib/use-api-error-text";

export const STATUS_TONE: Record<RequestStatus, "blue" | "green" | "neutral"> = { requested: "blue", issued: "green", returned: "neutral" };
export const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export function PlatformFeeRequests() {
  const t = useTranslations("invoices.platformFee");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const statusParam = useSearchParams().get("status");
  const status = isRequestStatus(statusParam) ? statusParam : null;
  const requests = useRequests();

  if (requests.isPending) return <LoadingRows label={tc("loading")} />;
  if (requests.isError) return <ErrorNotice>{errorText(requests.error)}</ErrorNotice>;
  const rows = requests.data.requests.filter((request) => !status || request.status === status);

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <label htmlFor="pf-status" className="text-sm text-slate-700">
          {t("col.status")}
        </label>
        <Select
          id="pf-status"
          className="w-40"
          value={status ?? ""}
          onChange={(event) => router.replace(event.target.value ? `${pathname}?status=${event.target.value}` : pathname)}
        >
          <option value="">—</option>
          {REQUEST_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </Select>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="platform-fee-requests">
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-500">
              <tr>
                {["requestedAt", "bills", "net", "status", "invoiceNumber", "requestedBy"].map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">
                    {t(`col.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((request) => (
                <tr key={request.id}>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link className="text-brand-700 underline" href={`/invoices/platform-fee/${request.id}`}>
                      {when(request.requestedAt)}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono">{request.billIds.join(", ")}</td>
                  <td className="px-3 py-2 text-right font-mono">{formatYuan(request.netAmount)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONE[request.status]}>{t(`statuses.${request.status}`)}</Badge>
                  </td>
                  <td className="px-3 py-2 font-mono">{request.invoiceNumber ?? "—"}</td>
                  <td className="px-3 py-2">{request.requestedBy ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
