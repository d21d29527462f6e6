import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotYetAvailable } from "@/components/layout/not-yet-available";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("instances") };
}

export default async function InstancesPage() {
  await requirePageOperator();
  return <NotYetAvailable section="instances" />;
}
