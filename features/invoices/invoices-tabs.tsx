"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

// The three invoice flows of a KooGallery seller (koogallery-money.md §3), one tab each.
const TABS = [
  { key: "overview", href: "/invoices" },
  { key: "platformFee", href: "/invoices/platform-fee" },
  { key: "huawei", href: "/invoices/huawei" },
  { key: "buyer", href: "/invoices/buyer" },
] as const;

export function InvoicesTabs() {
  const t = useTranslations("huaweiInvoices.tabs");
  const pathname = usePathname();
  const active = (href: string) => (href === "/invoices" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={t("label")} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 print:hidden">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={active(tab.href) ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-2 text-sm",
            active(tab.href) ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
