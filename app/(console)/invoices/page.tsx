import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotYetAvailable } from "@/components/layout/not-yet-available";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("invoices") };
}

export default async function InvoicesPage() {
  await requirePageOperator();
  return <NotYetAvailable section="invoices" />;
}
