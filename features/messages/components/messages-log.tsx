"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type RowSelectionState } from "@tanstack/react-table";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useMessages } from "@/features/messages/api/messages";
import { filterFromSearch, filterToSearch, type MessagesFilterParams } from "@/features/messages/api/messages-filter";
import { BulkProgress } from "@/features/messages/components/bulk-progress";
import { DeadlineCountdown } from "@/features/messages/components/deadline-countdown";
import { DirectionBadge, MessageStatusBadge, TestBadge } from "@/features/messages/components/message-status-badge";
import { MessagesFilters } from "@/features/messages/components/messages-filters";
import { useBulkRunner } from "@/features/messages/components/use-bulk-runner";
import type { MessageSummary } from "@/lib/contracts/messages";
import { useApiErrorText } from "@/lib/use-api-error-text";

const column = createColumnHelper<MessageSummary>();
const rowKey = (message: Pick<MessageSummary, "direction" | "id">) => `${message.direction}:${message.id}`;
export const messageHref = (message: Pick<MessageSummary, "direction" | "id">) => `/messages/${message.direction}/${message.id}`;

export function MessagesLog({ canOperate }: { canOperate: boolean }) {
  const t = useTranslations("messages");
  const tc = useTranslations("common");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [live, setLive] = useState(true);
  const bulk = useBulkRunner();
  const messages = useMessages(filter, live && !bulk.isRunning);
  const [selection, setSelection] = useState<RowSelectionState>({});

  const rows = useMemo(() => messages.data?.pages.flatMap((page) => page.messages) ?? [], [messages.data]);
  const first = messages.data?.pages[0];
  // Only deliveries can be re-run or stopped: a callback is the marketplace's to send again.
  const selectedIds = Object.keys(selection)
    .filter((key) => selection[key] && key.startsWith("outbound:"))
    .map((key) => key.slice("outbound:".length));

  const applyFilter = (next: MessagesFilterParams) => {
    setSelection({});
    const search = filterToSearch(next).toString();
    router.replace(search ? `${pathname}?${search}` : pathname);
  };

  const columns = useMemo(
    () => [
      ...(canOperate
        ? [
            column.display({
              id: "select",
              header: ({ table }) => (
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300"
                  aria-label={t("selectAll")}
                  checked={table.getIsSomeRowsSelected() ? false : table.getRowModel().rows.some((row) => row.getCanSelect()) && table.getIsAllRowsSelected()}
                  ref={(element) => {
                    if (element) element.indeterminate = table.getIsSomeRowsSelected();
                  }}
                  onChange={table.getToggleAllRowsSelectedHandler()}
                />
              ),
              cell: ({ row }) =>
                row.getCanSelect() ? (
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300"
                    aria-label={t("selectRow", { activity: row.original.activity ?? "—", time: format.dateTime(new Date(row.original.at), { timeStyle: "medium" }) })}
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                  />
                ) : null,
            }),
          ]
        : []),
      column.accessor("at", {
        header: () => t("columns.time"),
        cell: (info) => (
          <Link href={messageHref(info.row.original)} className="whitespace-nowrap font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
            {format.dateTime(new Date(info.getValue()), { dateStyle: "short", timeStyle: "medium" })}
          </Link>
        ),
      }),
      column.accessor("direction", { header: () => t("columns.direction"), cell: (info) => <DirectionBadge direction={info.getValue()} /> }),
      column.accessor("activity", {
        header: () => t("columns.activity"),
        cell: (info) => (
          <span className="inline-flex items-center gap-1.5">
            <span className="font-mono text-xs">{info.getValue() ?? "—"}</span>
            {info.row.original.testFlag ? <TestBadge /> : null}
          </span>
        ),
      }),
      column.accessor("status", {
        header: () => t("columns.status"),
        cell: (info) => (
          <span className="flex flex-col items-start gap-0.5">
            <MessageStatusBadge status={info.getValue()} />
            {info.row.original.nextAttemptAt ? (
              <span className="whitespace-nowrap text-xs text-slate-500">
                {t("nextAttemptAt", { time: format.dateTime(new Date(info.row.original.nextAttemptAt), { timeStyle: "medium" }) })}
              </span>
            ) : null}
          </span>
        ),
      }),
      column.accessor("resultCode", { header: () => t("columns.result"), cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
      column.accessor("orderId", {
        header: () => t("columns.orderInstance"),
        cell: (info) => (
          <span className="flex flex-col font-mono text-xs">
            <span>{info.getValue() ?? "—"}</span>
            {info.row.original.instanceId ? <span className="text-slate-500">{info.row.original.instanceId}</span> : null}
          </span>
        ),
      }),
      column.accessor("productCode", { header: () => t("columns.product"), cell: (info) => <span className="whitespace-nowrap font-mono text-xs">{info.getValue() ?? "—"}</span> }),
      column.accessor("attempts", { header: () => t("columns.attempts"), cell: (info) => info.getValue() ?? "—" }),
      column.accessor("deadlineAt", {
        header: () => t("columns.deadline"),
        cell: (info) => {
          const value = info.getValue();
          return value ? <DeadlineCountdown deadlineAt={value} /> : <span className="text-slate-400">—</span>;
        },
      }),
      column.accessor("summary", {
        header: () => t("columns.summary"),
        cell: (info) => (
          <span className="block max-w-xs truncate text-xs text-slate-600" title={info.getValue() ?? undefined}>
            {info.getValue() ?? ""}
          </span>
        ),
      }),
    ],
    [canOperate, t, format],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: rowKey,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: (row) => canOperate && row.original.direction === "outbound",
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
  });

  const runBulk = async (action: "rerun" | "cancel") => {
    if (action === "cancel" && !window.confirm(t("bulk.confirmCancel", { count: selectedIds.length }))) return;
    const outcome = await bulk.run(action, selectedIds);
    if (outcome.state === "finished") setSelection({});
  };

  return (
    <div className="space-y-4">
      <MessagesFilters filter={filter} onApply={applyFilter} />

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <span aria-live="polite">
          {first ? (first.totalIsCapped ? t("totalCapped", { count: first.total }) : t("total", { count: first.total })) : null}
        </span>
        <span className="flex items-center gap-3">
          {messages.dataUpdatedAt ? (
            <span className="text-xs">{t("live.updatedAt", { time: format.dateTime(new Date(messages.dataUpdatedAt), { timeStyle: "medium" }) })}</span>
          ) : null}
          <Button variant="secondary" aria-pressed={!live} onClick={() => setLive((value) => !value)}>
            <span aria-hidden="true" className={clsx("size-2 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-slate-400")} />
            {live ? t("live.pause") : t("live.resume")}
          </Button>
        </span>
      </div>

      {canOperate ? (
        <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("bulk.toolbar")}>
          <span className="text-sm text-slate-600">{t("bulk.selected", { count: selectedIds.length })}</span>
          <Button onClick={() => runBulk("rerun")} disabled={selectedIds.length === 0 || bulk.isRunning}>
            {t("bulk.rerun")}
          </Button>
          <Button variant="danger" onClick={() => runBulk("cancel")} disabled={selectedIds.length === 0 || bulk.isRunning}>
            {t("bulk.cancel")}
          </Button>
          {selectedIds.length ? (
            <Button variant="ghost" onClick={() => setSelection({})} disabled={bulk.isRunning}>
              {t("bulk.clearSelection")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {bulk.progress ? <BulkProgress progress={bulk.progress} onStop={bulk.stop} onDismiss={bulk.dismiss} /> : null}

      {messages.isPending ? (
        <LoadingRows label={tc("loading")} />
      ) : messages.isError ? (
        <ErrorNotice>{errorText(messages.error)}</ErrorNotice>
      ) : rows.length === 0 ? (
        <EmptyState title={Object.keys(filter).length ? t("emptyFiltered") : t("empty")}>
          {Object.keys(filter).length ? (
            <Button variant="secondary" onClick={() => applyFilter({})}>
              {tc("clear")}
            </Button>
          ) : (
            t("emptyHint")
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={t("tableLabel")}>
            <thead className="bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} scope="col" className="whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid={`message-row-${row.id}`}
                  data-status={row.original.status}
                  className={clsx("hover:bg-slate-50", row.getIsSelected() && "bg-brand-50")}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-top">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {messages.hasNextPage ? (
        <Button variant="secondary" onClick={() => messages.fetchNextPage()} disabled={messages.isFetchingNextPage}>
          {messages.isFetchingNextPage ? tc("loading") : tc("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
