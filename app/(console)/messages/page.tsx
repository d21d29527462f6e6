import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotYetAvailable } from "@/components/layout/not-yet-available";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("messages") };
}

export default async function MessagesPage() {
  await requirePageOperator();
  return <NotYetAvailable section="messages" />;
}
