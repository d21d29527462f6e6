"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { PROVISIONING_MODES } from "@/domain/settings/settings-catalog";
import { useRevealSecret, useSettings, useUpdateSettings } from "@/features/settings/api/settings";
import { ApiError } from "@/lib/api-client";
import type { SettingView } from "@/lib/contracts/settings";
import { useApiErrorText, useIssueText } from "@/lib/use-api-error-text";

const GROUPS = ["marketplace", "console", "products", "fulfilment"] as const;
const fieldId = (key: string) => `setting-${key.replaceAll(".", "-")}`;

function SecretValue({ setting }: { setting: SettingView }) {
  const t = useTranslations("settings");
  const errorText = useApiErrorText();
  const reveal = useRevealSecret();
  const [shown, setShown] = useState<string | null>(null);
  if (!setting.isSet) return <Badge tone="amber">{t("notSet")}</Badge>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid={`value-${setting.key}`}>
        {shown ?? setting.display}
      </code>
      <Button
        variant="ghost"
        className="px-2 py-0.5 text-xs"
        onClick={async () => {
          if (shown) return setShown(null);
          const result = await reveal.mutateAsync(setting.key).catch(() => null);
          if (result) setShown(result.value);
        }}
      >
        {shown ? t("hide") : t("reveal")}
      </Button>
      {reveal.isError ? <span className="text-xs text-red-700">{errorText(reveal.error)}</span> : null}
    </span>
  );
}

function SettingsGroup({ group, settings }: { group: (typeof GROUPS)[number]; settings: SettingView[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useApiErrorText();
  const issueText = useIssueText();
  const update = useUpdateSettings();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Record<string, string>>();

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setFormError(null);
    // Form keys use "__" for "." because react-hook-form reads dots as nesting.
    const patch = Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => value !== undefined && value.trim() !== "")
        .map(([key, value]) => [key.replaceAll("__", "."), value.trim()]),
    );
    if (Object.keys(patch).length === 0) {
      setFormError(t("settings.nothingToChange"));
      return;
    }
    try {
      await update.mutateAsync(patch);
      reset();
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) setError(issue.path.replaceAll(".", "__"), { message: issueText(issue.code, issue.message) });
      } else setFormError(errorText(error));
    }
  });

  return (
    <Card title={t(`settings.groups.${group}`)}>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
        {saved ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("settings.saved")}
          </p>
        ) : null}
        {settings.map((setting) => {
          const name = setting.key.replaceAll(".", "__");
          const id = fieldId(setting.key);
          return (
            <div key={setting.key} className="grid gap-2 md:grid-cols-[16rem_1fr]">
              <div>
                <p className="text-sm font-medium text-slate-800">{t(`settings.keys.${name}.label`)}</p>
                <p className="text-xs text-slate-500">{t(`settings.keys.${name}.help`)}</p>
                {setting.envVar ? <p className="mt-1 font-mono text-[11px] text-slate-400">{setting.envVar}</p> : null}
              </div>
              <div className="space-y-2">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-500">{t("settings.current")}</span>
                  {setting.secret ? (
                    <SecretValue setting={setting} />
                  ) : setting.display ? (
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                      {setting.key === "products.defaultProvisioningMode" && t.has(`settings.provisioningModes.${setting.display}`)
                        ? t(`settings.provisioningModes.${setting.display}`)
                        : setting.display}
                    </code>
                  ) : (
                    <Badge tone="amber">{t("settings.notSet")}</Badge>
                  )}
                  {setting.isDefault ? <Badge>{t("settings.default")}</Badge> : null}
                  {setting.updatedAt ? (
                    <span className="text-xs text-slate-400">
                      {t("settings.updatedAt", { when: format.dateTime(new Date(setting.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
                    </span>
                  ) : null}
                </div>
                <Field label={<span className="sr-only">{t(`settings.keys.${name}.label`)}</span>} htmlFor={id} error={formState.errors[name]?.message}>
                  {setting.key === "products.defaultProvisioningMode" ? (
                    <Select id={id} defaultValue="" {...register(name)}>
                      <option value="">{t("settings.keepCurrent")}</option>
                      {PROVISIONING_MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`settings.provisioningModes.${mode}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input
                      id={id}
                      type={setting.secret ? "password" : "text"}
                      autoComplete="off"
                      placeholder={setting.secret ? t("settings.newSecretPlaceholder") : t("settings.newValuePlaceholder")}
                      {...register(name)}
                    />
                  )}
                </Field>
              </div>
            </div>
          );
        })}
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("settings.save")}
        </Button>
      </form>
    </Card>
  );
}

export function SettingsForm() {
  const t = useTranslations();
  const errorText = useApiErrorText();
  const settings = useSettings();
  if (settings.isPending) return <LoadingRows label={t("common.loading")} />;
  if (settings.isError) return <ErrorNotice>{errorText(settings.error)}</ErrorNotice>;
  return (
    <div className="space-y-6">
      {GROUPS.map((group) => (
        <SettingsGroup key={group} group={group} settings={settings.data.settings.filter((s) => s.group === group)} />
      ))}
    </div>
  );
}
