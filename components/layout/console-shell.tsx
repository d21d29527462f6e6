import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { OperatorMenu } from "@/components/layout/operator-menu";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NAV_GROUPS } from "@/config/nav";
import { hasPermission, type OperatorRole } from "@/domain/auth/roles";

export async function ConsoleShell({
  operator,
  children,
}: {
  operator: { email: string; displayName: string; role: OperatorRole };
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen">
      <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
        <Link href="/" className="flex h-14 items-center gap-2 border-b border-slate-100 px-4">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-brand-600 text-xs font-bold text-white">
            KG
          </span>
          <span className="text-sm font-semibold leading-tight">{t("app.name")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="space-y-4 p-3">
          {NAV_GROUPS.map((group) => {
            const items = group.items.filter((item) => hasPermission(operator.role, item.permission));
            if (items.length === 0) return null;
            return (
              <div key={group.key}>
                <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">{t(`nav.groups.${group.key}`)}</p>
                <ul className="space-y-0.5">
                  {items.map((item) => (
                    <li key={item.key}>
                      <NavLink href={item.href}>{t(`nav.${item.key}`)}</NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex h-14 items-center justify-end gap-3 border-b border-slate-200 bg-white px-4">
          <LanguageSwitch />
          <OperatorMenu displayName={operator.displayName} email={operator.email} roleLabel={t(`roles.${operator.role}`)} />
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
