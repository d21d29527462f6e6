"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useInstance, useRevealCredentials } from "@/features/instances/api/instances";
import { InstanceStatusBadge } from "@/features/instances/components/instances-list";
import { KitInstanceSection } from "@/features/kit/components/kit-panel";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function InstanceDetailView({ instanceId, canReveal }: { instanceId: string; canReveal: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const detail = useInstance(instanceId);
  const reveal = useRevealCredentials(instanceId);
  const when = (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" }) : "—");

  if (detail.isPending) return <LoadingRows label={t("common.loading")} />;
  if (detail.isError) return <ErrorNotice>{errorText(detail.error)}</ErrorNotice>;
  const { instance, events, deliveries } = detail.data;
  const facts: [ReactNode, ReactNode][] = [
    [t("instances.columns.instanceId"), <span className="font-mono">{instance.instanceId}</span>],
    [t("instances.columns.status"), <InstanceStatusBadge status={instance.status} />],
    [t("instances.detail.generation"), instance.generation.toUpperCase()],
    [t("instances.columns.order"), <Link className="font-mono text-brand-700 underline" href={`/orders/${encodeURIComponent(instance.orderId)}`}>{instance.orderId}</Link>],
    [t("instances.detail.orderLine"), instance.orderLineId],
    [t("instances.columns.product"), [instance.productCode, instance.skuCode].filter(Boolean).join(" / ") || null],
    [t("instances.columns.customer"), [instance.customerName, instance.customerId].filter(Boolean).join(" · ") || null],
    [t("orders.columns.chargingMode"), instance.chargingMode && t.has(`orders.chargingModes.${instance.chargingMode}`) ? t(`orders.chargingModes.${instance.chargingMode}`) : instance.chargingMode],
    [t("instances.columns.expireAt"), when(instance.expireAt)],
    [t("instances.columns.createdAt"), when(instance.createdAt)],
    [t("instances.detail.provisionedAt"), when(instance.provisionedAt)],
    [t("instances.detail.frozenAt"), when(instance.frozenAt)],
    [t("instances.detail.releasedAt"), when(instance.releasedAt)],
    [t("instances.detail.frontEndUrl"), instance.frontEndUrl],
    [t("instances.detail.adminUrl"), instance.adminUrl],
    [t("instances.detail.usage"), instance.usageValue],
    [t("instances.detail.memo"), instance.memo],
  ];

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2">
        <Link href="/instances" className="text-sm text-brand-700 underline">
          ← {t("instances.detail.back")}
        </Link>
        {instance.testFlag ? <Badge tone="amber">{t("instances.testBadge")}</Badge> : null}
        {instance.isTrial ? <Badge tone="blue">{t("instances.trial")}</Badge> : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("instances.detail.summary")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([label, value], index) => (
              <div key={index} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-all">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          title={t("instances.detail.credentials")}
          actions={
            canReveal && (instance.hasUserName || instance.hasPassword) && !reveal.data ? (
              <Button variant="secondary" disabled={reveal.isPending} onClick={() => reveal.mutate()}>
                {t("instances.detail.reveal")}
              </Button>
            ) : null
          }
        >
          {reveal.isError ? <ErrorNotice>{errorText(reveal.error)}</ErrorNotice> : null}
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("instances.detail.userName")}</dt>
            <dd className="font-mono" data-testid="credential-user-name">
              {!instance.hasUserName ? t("instances.detail.none") : (reveal.data?.userName ?? t("instances.detail.masked"))}
            </dd>
            <dt className="text-slate-500">{t("instances.detail.password")}</dt>
            <dd className="font-mono" data-testid="credential-password">
              {!instance.hasPassword ? t("instances.detail.none") : (reveal.data?.password ?? t("instances.detail.masked"))}
            </dd>
          </dl>
          <p className="mt-2 text-xs text-slate-500">{canReveal ? t("instances.detail.revealHint") : t("instances.detail.revealNotAllowed")}</p>
        </Card>
      </div>
      <Card title={t("instances.detail.history")}>
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("instances.detail.noHistory")}</p>
        ) : (
          <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
            {events.map((event) => (
              <li key={event.id} data-testid="instance-event">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-500">{when(event.occurredAt)}</span>
                  <span className="font-medium">{t.has(`instances.eventKinds.${event.kind}`) ? t(`instances.eventKinds.${event.kind}`) : event.kind}</span>
                  {event.orderId ? (
                    <Link className="font-mono text-xs text-slate-600 underline" href={`/orders/${encodeURIComponent(event.orderId)}`}>
                      {event.orderId}
                    </Link>
                  ) : null}
                  {event.inboundRequestId ? (
                    <Link className="text-xs text-brand-700 underline" href={`/messages/inbound/${event.inboundRequestId}`}>
                      {t("instances.detail.openMessage")}
                    </Link>
                  ) : null}
                </div>
                {event.details && Object.keys(event.details as object).length ? (
                  <p className="mt-0.5 break-all font-mono text-xs text-slate-500">{JSON.stringify(event.details)}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title={t("instances.detail.deliveries")}>
        {deliveries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("instances.detail.noDeliveries")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {deliveries.map((delivery) => (
              <li key={delivery.id} className="flex flex-wrap items-center gap-2">
                <span className="text-xs text-slate-500">{when(delivery.createdAt)}</span>
                <span className="font-mono text-xs">{delivery.eventType}</span>
                <Badge>{delivery.status}</Badge>
                <span className="text-xs text-slate-500">{t("instances.detail.attempts", { count: delivery.attempts })}</span>
                <Link className="text-xs text-brand-700 underline" href={`/messages/outbound/${delivery.id}`}>
                  {t("instances.detail.openMessage")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <KitInstanceSection instanceId={instance.instanceId} />
    </div>
  );
}
