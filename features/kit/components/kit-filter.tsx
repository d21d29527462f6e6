"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { KitPanel } from "@/features/kit/components/kit-panel";

// The /kit page: filters live in the URL (?instanceId=…&tenantId=…), so a view can be linked.
export function KitPage() {
  const t = useTranslations("kit");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const instanceId = search.get("instanceId")?.trim() || undefined;
  const tenantId = search.get("tenantId")?.trim() || undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of ["instanceId", "tenantId"]) {
      const value = String(form.get(key) ?? "").trim();
      if (value) params.set(key, value);
    }
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname);
  };
  return (
    <div className="space-y-4">
      <form key={`${instanceId}/${tenantId}`} onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label={t("filter")}>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("instanceId")}</span>
          <input name="instanceId" defaultValue={instanceId ?? ""} className="rounded border border-slate-300 px-2 py-1 font-mono" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("tenantId")}</span>
          <input name="tenantId" defaultValue={tenantId ?? ""} className="rounded border border-slate-300 px-2 py-1 font-mono" />
        </label>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
      </form>
      <KitPanel query={{ ...(instanceId ? { instanceId } : {}), ...(tenantId ? { tenantId } : {}) }} />
    </div>
  );
}
