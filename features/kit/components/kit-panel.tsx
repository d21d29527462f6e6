"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useKitTenants } from "@/features/kit/api/kit";
import type { KitQuery, KitTenantView } from "@/lib/contracts/kit";
import { useApiErrorText } from "@/lib/use-api-error-text";

function SyncBadges({ row }: { row: { deleted: boolean; testFlag: boolean } }) {
  const t = useTranslations("kit");
  return (
    <>
      {row.deleted ? <Badge tone="red">{t("deleted")}</Badge> : null}
      {row.testFlag ? <Badge tone="amber">{t("test")}</Badge> : null}
    </>
  );
}

function TenantCard({ view, showInstance }: { view: KitTenantView; showInstance: boolean }) {
  const t = useTranslations("kit");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" });
  const title = (
    <span className="flex flex-wrap items-center gap-2">
      <span>{view.tenant?.name ?? view.tenantId}</span>
      {view.tenant ? <SyncBadges row={view.tenant} /> : <Badge>{t("tenantNotSynced")}</Badge>}
    </span>
  );
  return (
    <Card title={title}>
      <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("tenantId")}</dt>
        <dd className="font-mono break-all">{view.tenantId}</dd>
        {showInstance ? (
          <>
            <dt className="text-slate-500">{t("instanceId")}</dt>
            <dd className="font-mono break-all">
              {view.instanceId ? (
                <Link className="text-brand-700 underline" href={`/instances/${encodeURIComponent(view.instanceId)}`}>
                  {view.instanceId}
                </Link>
              ) : (
                t("noInstance")
              )}
            </dd>
          </>
        ) : null}
        {view.tenant ? (
          <>
            <dt className="text-slate-500">{t("tenantCode")}</dt>
            <dd className="font-mono">{view.tenant.tenantCode ?? "—"}</dd>
            <dt className="text-slate-500">{t("domainName")}</dt>
            <dd className="break-all">{view.tenant.domainName ?? "—"}</dd>
            <dt className="text-slate-500">{t("generation")}</dt>
            <dd>{view.tenant.generation.toUpperCase()}</dd>
            <dt className="text-slate-500">{t("lastSync")}</dt>
            <dd>{when(view.tenant.lastSyncAt)}</dd>
          </>
        ) : null}
      </dl>

      <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("applications")}</h3>
      {view.applications.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="text-sm">
          {view.applications.map((app) => (
            <li key={app.appId} className="flex flex-wrap items-center gap-2">
              <span className="font-mono">{app.appId}</span>
              <span className="text-slate-500">
                {t("clientId")}: <span className="font-mono">{app.clientId ?? "—"}</span>
              </span>
              {app.hasClientSecret ? <span className="text-slate-500">{t("clientSecretStored")}</span> : null}
              <SyncBadges row={app} />
            </li>
          ))}
        </ul>
      )}
      {view.applications.some((app) => app.hasClientSecret) ? <p className="mt-1 text-xs text-slate-500">{t("clientSecretNote")}</p> : null}

      <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("orgUnits")}</h3>
      {view.orgUnits.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="font-normal">{t("orgCode")}</th>
              <th className="font-normal">{t("orgName")}</th>
              <th className="font-normal">{t("parentCode")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.orgUnits.map((org) => (
              <tr key={org.orgCode}>
                <td className="font-mono">{org.orgCode}</td>
                <td>{org.orgName ?? "—"}</td>
                <td className="font-mono">{org.parentCode ?? "—"}</td>
                <td className="space-x-1">
                  <SyncBadges row={org} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("users")}</h3>
      {view.users.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="font-normal">{t("userName")}</th>
              <th className="font-normal">{t("name")}</th>
              <th className="font-normal">{t("orgCode")}</th>
              <th className="font-normal">{t("role")}</th>
              <th className="font-normal">{t("appId")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.users.map((user) => (
              <tr key={`${user.appId}/${user.userName}`}>
                <td className="font-mono">{user.userName}</td>
                <td>{user.name ?? "—"}</td>
                <td className="font-mono">{user.orgCode ?? "—"}</td>
                <td>{user.role === "admin" ? t("roleAdmin") : user.role === "user" ? t("roleUser") : "—"}</td>
                <td className="font-mono">{user.appId}</td>
                <td className="space-x-1">
                  {!user.enabled ? <Badge>{t("disabled")}</Badge> : null}
                  {!user.authorised ? <Badge tone="amber">{t("unauthorised")}</Badge> : null}
                  <SyncBadges row={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** Read-only: what the marketplace's 联营Kit sync calls stored, for one instance or all. */
export function KitPanel({ query, showInstance = true, heading }: { query: KitQuery; showInstance?: boolean; heading?: string }) {
  const t = useTranslations("kit");
  const errorText = useApiErrorText();
  const tenants = useKitTenants(query);
  // With a heading (the instance page's section) nothing shows until there is kit data: most
  // instances are not 联营 products.
  if (tenants.isPending) return heading ? null : <LoadingRows label={t("loading")} />;
  if (tenants.isError) return <ErrorNotice>{errorText(tenants.error)}</ErrorNotice>;
  if (tenants.data.tenants.length === 0) return heading ? null : <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>;
  return (
    <div className="space-y-4" data-testid="kit-panel">
      {heading ? <h2 className="text-sm font-semibold text-slate-800">{heading}</h2> : null}
      {tenants.data.truncated ? <p className="text-sm text-amber-800">{t("truncated")}</p> : null}
      {tenants.data.tenants.map((view) => (
        <TenantCard key={`${view.instanceId}/${view.tenantId}`} view={view} showInstance={showInstance} />
      ))}
    </div>
  );
}

/** The instance detail page's section: the kit data synced for this instance, if any. */
export function KitInstanceSection({ instanceId }: { instanceId: string }) {
  const t = useTranslations("kit");
  return <KitPanel query={{ instanceId }} showInstance={false} heading={t("title")} />;
}
