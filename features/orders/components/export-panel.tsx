"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/states";
import { useCancelExport, useOrderExport, useStartExport, type OrderFilterValues } from "@/features/orders/api/orders";
import { exportIsOpen, exportPercent } from "@/features/orders/export-progress";
import type { ExportFormat } from "@/lib/contracts/orders";
import { useApiErrorText } from "@/lib/use-api-error-text";

// Export of the current filter with progress. Starting one counts the filter on the server; the
// file then downloads as the browser's own download (straight to disk, however large), while
// this panel polls the export's progress (rows written / total) and offers to cancel it. Why it
// is built this way: server/orders/order-exports.ts.
export function ExportPanel({ filter }: { filter: OrderFilterValues }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useStartExport();
  const progress = useOrderExport(exportId);
  const cancel = useCancelExport();
  const link = useRef<HTMLAnchorElement>(null);
  const current = progress.data;
  const open = current ? exportIsOpen(current.status) : exportId !== null;

  const begin = (kind: ExportFormat) =>
    start.mutate(
      { format: kind, filter },
      {
        onSuccess: (started) => {
          setExportId(started.id);
          // The browser's download, from a link it follows itself (no body held in the page).
          const anchor = link.current!;
          anchor.href = started.fileUrl;
          anchor.click();
        },
      },
    );

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <Button variant="secondary" disabled={start.isPending || open} onClick={() => begin("csv")}>
          {t("orders.exportCsv")}
        </Button>
        <Button variant="secondary" disabled={start.isPending || open} onClick={() => begin("xlsx")}>
          {t("orders.exportXlsx")}
        </Button>
        <a ref={link} className="hidden" download aria-hidden tabIndex={-1} />
      </div>
      {start.isError ? <ErrorNotice>{errorText(start.error)}</ErrorNotice> : null}
      {current ? (
        <div className="w-72 space-y-1 text-xs text-slate-600" data-testid="export-progress">
          <div className="flex items-center justify-between gap-2">
            <span role="status">
              {current.status === "finished"
                ? t("orders.export.finished", { rows: format.number(current.rowsDone) })
                : current.status === "cancelled"
                  ? t("orders.export.cancelled", { rows: format.number(current.rowsDone) })
                  : current.status === "failed"
                    ? t("orders.export.failed")
                    : t(current.totalIsExact ? "orders.export.progress" : "orders.export.progressEstimate", {
                        rows: format.number(current.rowsDone),
                        total: format.number(current.total),
                      })}
            </span>
            {exportIsOpen(current.status) ? (
              <Button variant="ghost" className="px-2 py-0.5 text-xs" disabled={cancel.isPending} onClick={() => cancel.mutate(current.id)}>
                {t("orders.export.cancel")}
              </Button>
            ) : null}
          </div>
          <progress className="h-1.5 w-full" max={100} value={exportPercent(current)} aria-label={t("orders.export.progressLabel")} />
          {cancel.isError ? <ErrorNotice>{errorText(cancel.error)}</ErrorNotice> : null}
        </div>
      ) : null}
    </div>
  );
}
