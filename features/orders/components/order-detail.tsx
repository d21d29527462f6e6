"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useOrder, useRefetchOrder } from "@/features/orders/api/orders";
import { DifferenceList } from "@/features/orders/components/difference-list";
import { formatAmount } from "@/features/orders/format-amount";
import { RefundBlockBanner } from "@/features/invoices/buyer/components/refund-block-banner";
import { useApiErrorText } from "@/lib/use-api-error-text";

function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value], index) => (
        <div key={index} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OrderDetailView({ orderId, canOperate }: { orderId: string; canOperate: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const detail = useOrder(orderId);
  const refetch = useRefetchOrder(orderId);
  const when = (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" }) : "—");
  const label = (group: string, value: string | null) => (value && t.has(`${group}.${value}`) ? t(`${group}.${value}`) : (value ?? "—"));

  if (detail.isPending) return <LoadingRows label={t("common.loading")} />;
  if (detail.isError) return <ErrorNotice>{errorText(detail.error)}</ErrorNotice>;
  const { order, lines, instances, timeline, raw } = detail.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href="/orders" className="text-sm text-brand-700 underline">
          ← {t("orders.detail.back")}
        </Link>
        {order.testFlag ? <Badge tone="amber">{t("orders.testBadge")}</Badge> : null}
        <span className="flex-1" />
        {canOperate ? (
          <Button variant="secondary" disabled={refetch.isPending} onClick={() => refetch.mutate()}>
            {refetch.isPending ? t("orders.detail.refetching") : t("orders.detail.refetch")}
          </Button>
        ) : null}
      </div>
      {refetch.isError ? <ErrorNotice>{errorText(refetch.error)}</ErrorNotice> : null}
      {refetch.data ? (
        refetch.data.ok ? (
          <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t("orders.detail.refetchOk", { count: refetch.data.differences.length })}
            <DifferenceList differences={refetch.data.differences} />
          </div>
        ) : (
          <ErrorNotice>{t("orders.detail.refetchFailed", { error: refetch.data.error ?? "" })}</ErrorNotice>
        )
      ) : order.fetchError ? (
        <ErrorNotice>{t("orders.detail.lastFetchError", { error: order.fetchError })}</ErrorNotice>
      ) : null}
      <RefundBlockBanner orderId={order.orderId} />

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("orders.detail.summary")}>
          <Facts
            items={[
              [t("orders.columns.orderId"), <span className="font-mono" data-testid="order-id">{order.orderId}</span>],
              [t("orders.columns.orderType"), label("orders.types", order.orderType)],
              [t("orders.columns.orderedAt"), when(order.orderedAt)],
              [t("orders.columns.chargingMode"), label("orders.chargingModes", order.chargingMode)],
              [t("orders.detail.period"), order.periodType ? `${order.periodNumber ?? ""} ${order.periodType}` : null],
              [t("orders.columns.amount"), formatAmount(order.amount, order.currency)],
              [t("orders.columns.amountAfterDiscount"), formatAmount(order.amountAfterDiscount, order.currency)],
              [t("orders.columns.source"), label("orders.source", order.source)],
              [t("orders.columns.fetchedAt"), order.fetchedAt ? when(order.fetchedAt) : t("orders.notFetched")],
              [t("orders.detail.createdAt"), when(order.createdAt)],
            ]}
          />
        </Card>
        <Card title={t("orders.detail.buyer")}>
          <Facts
            items={[
              [t("orders.columns.customer"), order.customerName],
              ["ID", <span className="font-mono text-xs">{order.customerId ?? "—"}</span>],
              [t("orders.detail.customerType"), order.customerType],
              [t("orders.detail.extendParams"), Array.isArray(order.extendParams) && order.extendParams.length ? <code className="text-xs">{JSON.stringify(order.extendParams)}</code> : null],
            ]}
          />
        </Card>
      </div>

      <Card title={t("orders.detail.lines")}>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase text-slate-500">
                {["detail.line", "columns.products", "detail.sku", "columns.chargingMode", "detail.period", "detail.linearValue", "columns.amount", "columns.amountAfterDiscount", "detail.expireAt"].map((key) => (
                  <th key={key} className="px-2 py-1 font-semibold">
                    {t(`orders.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((line) => (
                <tr key={line.orderLineId}>
                  <td className="px-2 py-1 font-mono text-xs">{line.orderLineId}</td>
                  <td className="px-2 py-1 font-mono text-xs">
                    {line.productCode ?? "—"}
                    {line.productName ? <span className="block font-sans text-slate-500">{line.productName}</span> : null}
                  </td>
                  <td className="px-2 py-1 font-mono text-xs">{line.skuCode ?? "—"}</td>
                  <td className="px-2 py-1">{label("orders.chargingModes", line.chargingMode)}</td>
                  <td className="px-2 py-1">{line.periodType ? `${line.periodNumber ?? ""} ${line.periodType}` : "—"}</td>
                  <td className="px-2 py-1">{line.linearValue ?? "—"}</td>
                  <td className="px-2 py-1 tabular-nums">{formatAmount(line.amount)}</td>
                  <td className="px-2 py-1 tabular-nums">{formatAmount(line.amountAfterDiscount)}</td>
                  <td className="px-2 py-1">{when(line.expireAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title={t("orders.detail.instances")}>
        {instances.length === 0 ? (
          <p className="text-sm text-slate-600">{t("orders.detail.noInstances")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {instances.map((instance) => (
              <li key={instance.instanceId} className="flex flex-wrap items-center gap-2">
                <Link className="font-mono text-xs text-brand-700 underline" href={`/instances/${encodeURIComponent(instance.instanceId)}`}>
                  {instance.instanceId}
                </Link>
                <Badge>{t(`instanceStatus.${instance.status}`)}</Badge>
                <span className="text-slate-500">{instance.createdByThisOrder ? t("orders.detail.createdHere") : t("orders.detail.changedHere")}</span>
                {instance.expireAt ? <span className="text-slate-500">{t("orders.detail.expireAt")}: {when(instance.expireAt)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("orders.detail.timeline")}>
        {timeline.length === 0 ? (
          <EmptyState title={t("orders.detail.noTimeline")} />
        ) : (
          <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm" aria-label={t("orders.detail.timeline")}>
            {timeline.map((item) => (
              <li key={`${item.kind}-${item.id}`} data-testid="timeline-item" className="relative">
                <span className="absolute -left-[21px] top-1.5 h-2 w-2 rounded-full bg-brand-500" aria-hidden />
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-500">{when(item.at)}</span>
                  <Badge tone={item.kind === "callback" ? "blue" : item.kind === "delivery" ? "green" : "neutral"}>{t(`orders.timelineKinds.${item.kind}`)}</Badge>
                  <span className="font-medium">
                    {item.kind === "fetch"
                      ? label("orders.fetchReasons", item.title)
                      : item.kind === "instance_event"
                        ? label("instances.eventKinds", item.title)
                        : item.title}
                  </span>
                  {item.status ? <span className="font-mono text-xs text-slate-600">{item.status}</span> : null}
                  {item.testFlag ? <Badge tone="amber">{t("orders.testBadge")}</Badge> : null}
                  {item.instanceId ? (
                    <Link className="font-mono text-xs text-slate-600 underline" href={`/instances/${encodeURIComponent(item.instanceId)}`}>
                      {item.instanceId}
                    </Link>
                  ) : null}
                  {item.href ? (
                    <Link className="text-xs text-brand-700 underline" href={item.href}>
                      {t("orders.detail.openMessage")}
                    </Link>
                  ) : null}
                </div>
                {item.detail ? <p className="mt-0.5 break-all font-mono text-xs text-slate-500">{item.detail}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title={t("orders.detail.raw")}>
        {raw === null || raw === undefined ? (
          <p className="text-sm text-slate-600">{t("orders.detail.noRaw")}</p>
        ) : (
          <pre className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs" data-testid="raw-order">
            {JSON.stringify(raw, null, 2)}
          </pre>
        )}
      </Card>
    </div>
  );
}
