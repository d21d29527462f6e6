"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { OPERATOR_ROLES, type OperatorRole } from "@/domain/auth/roles";
import { useOperators, useResetOperatorPassword, useUpdateOperator } from "@/features/operators/api/operators";
import { OneTimePassword } from "@/features/operators/components/one-time-password";
import type { OperatorDto } from "@/lib/contracts/operators";
import { useApiErrorText } from "@/lib/use-api-error-text";

const column = createColumnHelper<OperatorDto>();

export function OperatorsTable({ currentOperatorId }: { currentOperatorId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const operators = useOperators();
  const update = useUpdateOperator();
  const reset = useResetOperatorPassword();
  const [notice, setNotice] = useState<{ error?: string; reset?: { email: string; password: string } } | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setNotice({ error: errorText(error) });
    }
  };

  const columns = useMemo(
    () => [
      column.accessor("displayName", {
        header: () => t("operators.displayName"),
        cell: (info) => (
          <span>
            {info.getValue()}
            {info.row.original.id === currentOperatorId ? <span className="ml-1 text-xs text-slate-500">({t("operators.you")})</span> : null}
          </span>
        ),
      }),
      column.accessor("email", { header: () => t("operators.email") }),
      column.accessor("role", {
        header: () => t("operators.role"),
        cell: (info) => (
          <Select
            aria-label={t("operators.roleOf", { email: info.row.original.email })}
            value={info.getValue()}
            className="w-32"
            onChange={(event) => act(() => update.mutateAsync({ id: info.row.original.id, role: event.target.value as OperatorRole }))}
          >
            {OPERATOR_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        ),
      }),
      column.accessor("disabled", {
        header: () => t("operators.status"),
        cell: (info) =>
          info.getValue() ? (
            <Badge tone="red">{t("operators.disabled")}</Badge>
          ) : info.row.original.mustChangePassword ? (
            <Badge tone="amber">{t("operators.mustChangePassword")}</Badge>
          ) : (
            <Badge tone="green">{t("operators.active")}</Badge>
          ),
      }),
      column.accessor("lastSignInAt", {
        header: () => t("operators.lastSignIn"),
        cell: (info) => {
          const value = info.getValue();
          return value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" }) : "—";
        },
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        cell: (info) => {
          const row = info.row.original;
          return (
            <div className="flex justify-end gap-2">
              <Button
                variant={row.disabled ? "secondary" : "danger"}
                onClick={() => act(() => update.mutateAsync({ id: row.id, disabled: !row.disabled }))}
              >
                {row.disabled ? t("operators.enable") : t("operators.disable")}
              </Button>
              <Button
                variant="secondary"
                onClick={() =>
                  act(async () => {
                    if (!window.confirm(t("operators.confirmReset", { email: row.email }))) return;
                    const result = await reset.mutateAsync(row.id);
                    setNotice({ reset: { email: row.email, password: result.oneTimePassword } });
                  })
                }
              >
                {t("operators.resetPassword")}
              </Button>
            </div>
          );
        },
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, format, currentOperatorId],
  );

  const table = useReactTable({ data: operators.data?.operators ?? [], columns, getCoreRowModel: getCoreRowModel() });

  if (operators.isPending) return <LoadingRows label={t("common.loading")} />;
  if (operators.isError) return <ErrorNotice>{errorText(operators.error)}</ErrorNotice>;

  return (
    <div className="space-y-3">
      {notice?.error ? <ErrorNotice>{notice.error}</ErrorNotice> : null}
      {notice?.reset ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("operators.resetDone", { email: notice.reset.email })}
          <OneTimePassword value={notice.reset.password} />
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid={`operator-row-${row.original.email}`}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
