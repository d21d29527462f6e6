"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { LIFECYCLE_EVENT_TYPES } from "@/domain/fulfilment/lifecycle-events";
import type { MessagesFilterParams } from "@/features/messages/api/messages-filter";
import { MESSAGE_STATUSES, PROBLEM_STATUSES } from "@/lib/contracts/messages";
import { KIT_INTERFACE_NAMES } from "@/lib/marketplace/koogallery/kit-schemas";

// What the marketplace calls us with, V1 and V2 names (§ of the callback reference).
const INBOUND_ACTIVITIES = [
  "newInstance",
  "refreshInstance",
  "expireInstance",
  "releaseInstance",
  "instanceStatus",
  "updateInstanceStatus",
  "upgrade",
  "upgradeInstance",
  "queryInstance",
  "changeInstanceCheck",
  "orderNotify",
  "getLicense",
  "releaseLicense",
  "getLicenseAsync",
  "refreshLicenseCode",
  "updateLicenseCodeStatus",
  "releaseLicenseCode",
  ...KIT_INTERFACE_NAMES,
];

export const PROBLEMS = PROBLEM_STATUSES.join(",");

type FormValues = Omit<MessagesFilterParams, "atRisk"> & { atRisk: boolean };

export function MessagesFilters({ filter, onApply }: { filter: MessagesFilterParams; onApply: (filter: MessagesFilterParams) => void }) {
  const t = useTranslations("messages");
  const tc = useTranslations("common");
  const searchRef = useRef<HTMLInputElement | null>(null);
  const { register, handleSubmit, reset } = useForm<FormValues>({ values: { ...filter, atRisk: Boolean(filter.atRisk) } });
  const apply = handleSubmit(({ atRisk, ...values }) => onApply({ ...values, atRisk: atRisk ? "1" : undefined }));
  const { ref: searchFieldRef, ...searchField } = register("q");

  // "/" jumps to the search box, as in most log viewers.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const statusOptions = [PROBLEMS, ...MESSAGE_STATUSES];
  const activityKnown = !filter.activity || [...INBOUND_ACTIVITIES, ...LIFECYCLE_EVENT_TYPES].includes(filter.activity as never);

  return (
    <form onSubmit={apply} role="search" aria-label={t("filters.label")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label={t("filters.search")} htmlFor="messages-q" hint={t("filters.searchHint")}>
            <Input
              id="messages-q"
              type="search"
              placeholder={t("filters.searchPlaceholder")}
              {...searchField}
              ref={(element) => {
                searchFieldRef(element);
                searchRef.current = element;
              }}
            />
          </Field>
        </div>
        <Field label={t("direction.label")} htmlFor="messages-direction">
          <Select id="messages-direction" {...register("direction")}>
            <option value="">{t("direction.all")}</option>
            <option value="inbound">{t("direction.inbound")}</option>
            <option value="outbound">{t("direction.outbound")}</option>
          </Select>
        </Field>
        <Field label={t("status.label")} htmlFor="messages-status">
          <Select id="messages-status" {...register("status")}>
            <option value="">{t("status.all")}</option>
            {filter.status && !statusOptions.includes(filter.status) ? <option value={filter.status}>{filter.status}</option> : null}
            {statusOptions.map((status) => (
              <option key={status} value={status}>
                {status === PROBLEMS ? t("status.problems") : t(`status.${status}` as "status.failed")}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("filters.activity")} htmlFor="messages-activity">
          <Select id="messages-activity" {...register("activity")}>
            <option value="">{t("filters.anyActivity")}</option>
            {activityKnown ? null : <option value={filter.activity}>{filter.activity}</option>}
            <optgroup label={t("direction.inbound")}>
              {INBOUND_ACTIVITIES.map((activity) => (
                <option key={activity} value={activity}>
                  {activity}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("direction.outbound")}>
              {LIFECYCLE_EVENT_TYPES.map((event) => (
                <option key={event} value={event}>
                  {event}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
      </div>
      <div className="grid items-end gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <Field label={t("filters.resultCode")} htmlFor="messages-result-code">
          <Input id="messages-result-code" placeholder="000001 / 500" {...register("resultCode")} />
        </Field>
        <Field label={t("filters.product")} htmlFor="messages-product">
          <Input id="messages-product" {...register("product")} />
        </Field>
        <Field label={t("filters.orderId")} htmlFor="messages-order">
          <Input id="messages-order" {...register("orderId")} />
        </Field>
        <Field label={t("filters.instanceId")} htmlFor="messages-instance">
          <Input id="messages-instance" {...register("instanceId")} />
        </Field>
        <Field label={t("filters.test")} htmlFor="messages-test">
          <Select id="messages-test" {...register("test")}>
            <option value="">{t("filters.testAll")}</option>
            <option value="exclude">{t("filters.testExclude")}</option>
            <option value="only">{t("filters.testOnly")}</option>
          </Select>
        </Field>
        <Field label={t("filters.from")} htmlFor="messages-from">
          <Input id="messages-from" type="date" {...register("from")} />
        </Field>
        <Field label={t("filters.to")} htmlFor="messages-to">
          <Input id="messages-to" type="date" {...register("to")} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 rounded border-slate-300" {...register("atRisk")} />
          {t("filters.atRisk")}
        </label>
        <div className="flex gap-2">
          <Button type="submit">{tc("filter")}</Button>
          <Button
            variant="ghost"
            onClick={() => {
              reset({ atRisk: false });
              onApply({});
            }}
          >
            {tc("clear")}
          </Button>
        </div>
      </div>
    </form>
  );
}
