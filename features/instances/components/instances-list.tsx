"use client";

import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Field, Input, Select } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { INSTANCE_FILTER_KEYS, instanceSearch, useInstances, type InstanceFilterValues } from "@/features/instances/api/instances";
import { INSTANCE_STATUSES } from "@/lib/contracts/instances";
import { useApiErrorText } from "@/lib/use-api-error-text";

const STATUS_TONE = { provisioning: "blue", active: "green", frozen: "amber", released: "neutral", failed: "red" } as const;

export function InstanceStatusBadge({ status }: { status: keyof typeof STATUS_TONE }) {
  const t = useTranslations();
  return <Badge tone={STATUS_TONE[status]}>{t(`instanceStatus.${status}`)}</Badge>;
}

export function InstancesList() {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter: InstanceFilterValues = Object.fromEntries(INSTANCE_FILTER_KEYS.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key)!]] : [])));
  const after = searchParams.get("after") ?? undefined;
  const instances = useInstances(instanceSearch({ ...filter, after }).toString());
  const { register, handleSubmit, reset } = useForm<InstanceFilterValues>({ values: filter });
  const go = (values: InstanceFilterValues & { after?: string }) => router.push(`${pathname}?${instanceSearch(values)}`);
  const when = (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "—");

  return (
    <div className="space-y-4">
      <form onSubmit={handleSubmit((values) => go(values))} role="search" aria-label={t("common.filter")} className="grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <Field label={t("instances.filters.status")} htmlFor="i-status">
          <Select id="i-status" {...register("status")}>
            <option value="">{t("instances.filters.any")}</option>
            {INSTANCE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`instanceStatus.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("instances.filters.product")} htmlFor="i-product">
          <Input id="i-product" {...register("product")} />
        </Field>
        <Field label={t("instances.filters.customer")} htmlFor="i-customer">
          <Input id="i-customer" {...register("customer")} />
        </Field>
        <Field label={t("instances.filters.orderId")} htmlFor="i-order">
          <Input id="i-order" {...register("orderId")} />
        </Field>
        <Field label={t("instances.filters.expiringWithinDays")} htmlFor="i-expiring">
          <Input id="i-expiring" type="number" min={0} max={3650} {...register("expiringWithinDays")} />
        </Field>
        <Field label={t("instances.filters.test")} htmlFor="i-test">
          <Select id="i-test" {...register("test")}>
            {(["all", "only", "exclude"] as const).map((value) => (
              <option key={value} value={value === "all" ? "" : value}>
                {t(`orders.testTraffic.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex gap-2">
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
      <p className="text-sm text-slate-600" data-testid="instances-total">
        {instances.data ? t("instances.total", { count: instances.data.total }) : null}
      </p>
      {instances.isPending ? (
        <LoadingRows label={t("common.loading")} />
      ) : instances.isError ? (
        <ErrorNotice>{errorText(instances.error)}</ErrorNotice>
      ) : instances.data.instances.length === 0 ? (
        <EmptyState title={t("instances.empty")} />
      ) : (
        <div className={clsx("overflow-x-auto rounded-lg border border-slate-200 bg-white", instances.isPlaceholderData && "opacity-60")}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                {(["instanceId", "status", "product", "customer", "order", "expireAt", "createdAt"] as const).map((key) => (
                  <th key={key} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {t(`instances.columns.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {instances.data.instances.map((instance) => (
                <tr key={instance.instanceId} data-testid="instance-row">
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link className="font-mono text-xs text-brand-700 underline" href={`/instances/${encodeURIComponent(instance.instanceId)}`}>
                      {instance.instanceId}
                    </Link>
                    {instance.testFlag ? <span className="ml-1"><Badge tone="amber">{t("instances.testBadge")}</Badge></span> : null}
                    {instance.isTrial ? <span className="ml-1"><Badge tone="blue">{t("instances.trial")}</Badge></span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <InstanceStatusBadge status={instance.status} />
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {instance.productCode ?? "—"}
                    {instance.skuCode ? <span className="block text-slate-500">{instance.skuCode}</span> : null}
                  </td>
                  <td className="px-3 py-2">{instance.customerName ?? instance.customerId ?? "—"}</td>
                  <td className="px-3 py-2">
                    <Link className="font-mono text-xs text-brand-700 underline" href={`/orders/${encodeURIComponent(instance.orderId)}`}>
                      {instance.orderId}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{when(instance.expireAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{when(instance.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager
        onFirstPage={after ? () => go(filter) : undefined}
        onNextPage={instances.data?.nextCursor ? () => go({ ...filter, after: instances.data?.nextCursor ?? undefined }) : undefined}
        firstPageLabel={t("instances.firstPage")}
        nextPageLabel={t("instances.nextPage")}
      />
    </div>
  );
}
