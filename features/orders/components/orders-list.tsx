"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type VisibilityState } from "@tanstack/react-table";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Field, Input, Select } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { FILTER_KEYS, filterSearch, useOrders, type OrderFilterValues } from "@/features/orders/api/orders";
import { ExportPanel } from "@/features/orders/components/export-panel";
import { formatAmount } from "@/features/orders/format-amount";
import type { OrderListItem, OrderSort } from "@/lib/contracts/orders";
import { CHARGING_MODES, ORDER_TYPES } from "@/lib/marketplace/koogallery/order-query";
import { useApiErrorText } from "@/lib/use-api-error-text";

const column = createColumnHelper<OrderListItem>();
const COLUMNS_STORAGE_KEY = "orders.columns";
const SORTABLE: Record<string, OrderSort> = { orderId: "orderId", orderedAt: "orderedAt", amount: "amount" };

export function OrdersList() {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter: OrderFilterValues = Object.fromEntries(FILTER_KEYS.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key)!]] : [])));
  const after = searchParams.get("after") ?? undefined;
  const search = filterSearch({ ...filter, after }).toString();
  const orders = useOrders(search);
  const { register, handleSubmit, reset } = useForm<OrderFilterValues>({ values: filter });
  const go = (values: OrderFilterValues & { after?: string }) => router.push(`${pathname}?${filterSearch(values)}`);
  const apply = handleSubmit((values) => go({ ...values, sort: filter.sort, dir: filter.dir }));
  const sort = filter.sort ?? "orderedAt";
  const dir = filter.dir ?? "desc";

  // The column chooser is a personal preference: kept in this browser, not in the URL.
  const [visibility, setVisibility] = useState<VisibilityState>({ amountAfterDiscount: false, source: false, fetchedAt: false });
  useEffect(() => {
    const saved = window.localStorage.getItem(COLUMNS_STORAGE_KEY);
    if (saved) setVisibility(JSON.parse(saved) as VisibilityState);
  }, []);
  const changeVisibility = (next: VisibilityState) => {
    setVisibility(next);
    window.localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
  };

  const columns = useMemo(
    () => [
      column.accessor("orderId", {
        header: () => t("orders.columns.orderId"),
        enableHiding: false,
        cell: (info) => (
          <span className="flex items-center gap-1">
            <Link className="font-mono text-xs text-brand-700 underline" href={`/orders/${encodeURIComponent(info.getValue())}`}>
              {info.getValue()}
            </Link>
            {info.row.original.testFlag ? <Badge tone="amber">{t("orders.testBadge")}</Badge> : null}
            {info.row.original.fetchError ? <Badge tone="red">{t("orders.fetchFailed")}</Badge> : null}
          </span>
        ),
      }),
      column.accessor("orderType", {
        header: () => t("orders.columns.orderType"),
        cell: (info) => {
          const value = info.getValue();
          return value && t.has(`orders.types.${value}`) ? t(`orders.types.${value}`) : (value ?? "—");
        },
      }),
      column.accessor("orderedAt", {
        header: () => t("orders.columns.orderedAt"),
        cell: (info) => format.dateTime(new Date(info.getValue()), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }),
      }),
      column.accessor("customerName", {
        id: "customer",
        header: () => t("orders.columns.customer"),
        cell: (info) => (
          <span>
            {info.getValue() ?? "—"}
            {info.row.original.customerId ? <span className="block font-mono text-xs text-slate-500">{info.row.original.customerId}</span> : null}
          </span>
        ),
      }),
      column.accessor("chargingMode", {
        header: () => t("orders.columns.chargingMode"),
        cell: (info) => {
          const value = info.getValue();
          return value && t.has(`orders.chargingModes.${value}`) ? t(`orders.chargingModes.${value}`) : (value ?? "—");
        },
      }),
      column.accessor("products", { header: () => t("orders.columns.products"), cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
      column.accessor("amount", {
        header: () => t("orders.columns.amount"),
        cell: (info) => <span className="tabular-nums">{formatAmount(info.getValue(), info.row.original.currency)}</span>,
      }),
      column.accessor("amountAfterDiscount", {
        header: () => t("orders.columns.amountAfterDiscount"),
        cell: (info) => <span className="tabular-nums">{formatAmount(info.getValue(), info.row.original.currency)}</span>,
      }),
      column.accessor("source", {
        header: () => t("orders.columns.source"),
        cell: (info) => (t.has(`orders.source.${info.getValue()}`) ? t(`orders.source.${info.getValue()}`) : info.getValue()),
      }),
      column.accessor("fetchedAt", {
        header: () => t("orders.columns.fetchedAt"),
        cell: (info) => {
          const value = info.getValue();
          return value ? format.dateTime(new Date(value), { dateStyle: "short", timeStyle: "short" }) : t("orders.notFetched");
        },
      }),
    ],
    [t, format],
  );

  const table = useReactTable({
    data: orders.data?.orders ?? [],
    columns,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: (updater) => changeVisibility(typeof updater === "function" ? updater(visibility) : updater),
    getCoreRowModel: getCoreRowModel(),
  });

  const total = orders.data?.total;

  return (
    <div className="space-y-4">
      <form onSubmit={apply} role="search" aria-label={t("common.filter")} className="grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-6">
        <Field label={t("orders.filters.orderId")} htmlFor="f-order-id">
          <Input id="f-order-id" {...register("orderId")} />
        </Field>
        <Field label={t("orders.filters.customer")} htmlFor="f-customer">
          <Input id="f-customer" {...register("customer")} />
        </Field>
        <Field label={t("orders.filters.product")} htmlFor="f-product">
          <Input id="f-product" {...register("product")} />
        </Field>
        <Field label={t("orders.filters.orderType")} htmlFor="f-order-type">
          <Select id="f-order-type" {...register("orderType")}>
            <option value="">{t("orders.filters.any")}</option>
            {ORDER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`orders.types.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("orders.filters.chargingMode")} htmlFor="f-charging-mode">
          <Select id="f-charging-mode" {...register("chargingMode")}>
            <option value="">{t("orders.filters.any")}</option>
            {CHARGING_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`orders.chargingModes.${mode}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("orders.filters.test")} htmlFor="f-test">
          <Select id="f-test" {...register("test")}>
            {(["all", "only", "exclude"] as const).map((value) => (
              <option key={value} value={value === "all" ? "" : value}>
                {t(`orders.testTraffic.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("orders.filters.amountMin")} htmlFor="f-amount-min">
          <Input id="f-amount-min" inputMode="decimal" {...register("amountMin")} />
        </Field>
        <Field label={t("orders.filters.amountMax")} htmlFor="f-amount-max">
          <Input id="f-amount-max" inputMode="decimal" {...register("amountMax")} />
        </Field>
        <Field label={t("orders.filters.from")} htmlFor="f-from">
          <Input id="f-from" type="date" {...register("from")} />
        </Field>
        <Field label={t("orders.filters.to")} htmlFor="f-to">
          <Input id="f-to" type="date" {...register("to")} />
        </Field>
        <div className="flex gap-2 xl:col-span-2">
          <Button type="submit">{t("common.filter")}</Button>
          <Button
            variant="ghost"
            onClick={() => {
              reset({});
              router.push(pathname);
            }}
          >
            {t("common.clear")}
          </Button>
        </div>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <span data-testid="orders-total">
          {total !== undefined ? (orders.data?.totalIsExact ? t("orders.total", { count: total }) : t("orders.totalEstimate", { count: total })) : null}
        </span>
        <div className="flex items-start gap-3">
          <details className="relative">
            <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-800">{t("orders.columnChooser")}</summary>
            <div className="absolute right-0 z-10 mt-1 w-56 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow">
              {table
                .getAllLeafColumns()
                .filter((col) => col.getCanHide())
                .map((col) => (
                  <label key={col.id} className="flex items-center gap-2">
                    <input type="checkbox" checked={col.getIsVisible()} onChange={col.getToggleVisibilityHandler()} />
                    {t(`orders.columns.${col.id}`)}
                  </label>
                ))}
            </div>
          </details>
          <ExportPanel filter={filter} />
        </div>
      </div>
      <p className="text-xs text-slate-500">{t("orders.exportHint")}</p>

      {orders.isPending ? (
        <LoadingRows label={t("common.loading")} />
      ) : orders.isError ? (
        <ErrorNotice>{errorText(orders.error)}</ErrorNotice>
      ) : orders.data.orders.length === 0 ? (
        <EmptyState title={t("orders.empty")} />
      ) : (
        <div className={clsx("overflow-x-auto rounded-lg border border-slate-200 bg-white", orders.isPlaceholderData && "opacity-60")}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sortKey = SORTABLE[header.column.id];
                    const label = flexRender(header.column.columnDef.header, header.getContext());
                    const active = sortKey === sort;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                        className="whitespace-nowrap px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                      >
                        {sortKey ? (
                          <button
                            type="button"
                            className="inline-flex items-center gap-1 uppercase"
                            aria-label={t("orders.sortBy", { column: t(`orders.columns.${header.column.id}`) })}
                            onClick={() => go({ ...filter, sort: sortKey, dir: active && dir === "desc" ? "asc" : "desc" })}
                          >
                            {label}
                            <span aria-hidden>{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                          </button>
                        ) : (
                          label
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} data-testid="order-row">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="whitespace-nowrap px-3 py-2 align-top">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager
        onFirstPage={after ? () => go(filter) : undefined}
        onNextPage={orders.data?.nextCursor ? () => go({ ...filter, after: orders.data?.nextCursor ?? undefined }) : undefined}
        firstPageLabel={t("orders.firstPage")}
        nextPageLabel={t("orders.nextPage")}
      />
    </div>
  );
}
