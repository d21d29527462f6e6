import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("invoices") };
}

const FLOWS = [
  { key: "platformFee", href: "/invoices/platform-fee" },
  { key: "huawei", href: "/invoices/huawei" },
  { key: "buyer", href: "/invoices/buyer" },
] as const;

export default async function InvoicesPage() {
  await requirePageOperator();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("nav.invoices")} description={t("sections.invoices.description")} />
      <ul className="grid gap-4 md:grid-cols-3">
        {FLOWS.map((flow) => (
          <li key={flow.key}>
            <Link
              href={flow.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              <h2 className="text-base font-semibold text-brand-700">{t(`huaweiInvoices.tabs.${flow.key}`)}</h2>
              <p className="mt-1 text-sm text-slate-600">{t(`huaweiInvoices.landing.${flow.key}`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
