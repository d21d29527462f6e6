"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useBuyerAction, useSubscriptions } from "@/features/simulator/api/simulator";
import { StateBadge } from "@/features/simulator/components/verdict-badge";
import { useApiErrorText } from "@/lib/use-api-error-text";

export function SubscriptionsTable({ canAct }: { canAct: boolean }) {
  const t = useTranslations("simulator");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const subscriptions = useSubscriptions();
  const action = useBuyerAction();

  if (subscriptions.isPending) return <LoadingRows label={t("loading")} />;
  if (subscriptions.isError) return <ErrorNotice>{errorText(subscriptions.error)}</ErrorNotice>;
  if (subscriptions.data.subscriptions.length === 0) return <EmptyState title={t("subscriptions.empty")} />;

  return (
    <div className="space-y-3">
      {action.isError ? <ErrorNotice>{errorText(action.error)}</ErrorNotice> : null}
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="simulator-subscriptions">
          <thead>
            <tr>
              {["product", "status", "customer", "order", "instance", "expires", "actions"].map((column) => (
                <th key={column} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {t(`subscriptions.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {subscriptions.data.subscriptions.map((row) => (
              <tr key={row.id} data-testid={`subscription-${row.orderId}`}>
                <td className="px-3 py-2">
                  <div>{t(`products.${row.productKey}`)}</div>
                  <div className="text-xs text-slate-500">
                    {row.generation.toUpperCase()} · {row.skuCode}
                    {row.isTrial ? ` · ${t("subscriptions.trial")}` : ""}
                  </div>
                </td>
                <td className="px-3 py-2">
                  <StateBadge group="status" state={row.status} />
                </td>
                <td className="px-3 py-2">{row.customerName}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.orderId}</td>
                <td className="px-3 py-2 font-mono text-xs">{row.instanceId ?? row.licenceCode ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">{row.expireAt ? format.dateTime(new Date(row.expireAt), { dateStyle: "medium" }) : "—"}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-1">
                    {canAct
                      ? row.actions.map((name) => (
                          <Button
                            key={name}
                            variant={name === "release" || name === "unsubscribe" ? "danger" : "secondary"}
                            className="px-2 py-1 text-xs"
                            disabled={action.isPending}
                            onClick={() => action.mutate({ subscriptionId: row.id, action: name as never })}
                          >
                            {t(`actions.${name}`)}
                          </Button>
                        ))
                      : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
