import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { lifecycleEventJsonSchemas, provisioningResultJsonSchema } from "@/domain/fulfilment/lifecycle-events";
import { EventDocs } from "@/features/products/components/event-docs";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products.events"))("title") };
}

// Generated from the zod schemas the engine sends and checks answers with, so the page cannot drift.
export default async function ProductEventsPage() {
  await requirePageOperator();
  const t = await getTranslations("products");
  return (
    <>
      <PageHeader
        title={t("events.title")}
        description={t("events.description")}
        actions={
          <Link href="/products" className="text-sm text-brand-700 underline">
            {t("events.back")}
          </Link>
        }
      />
      <EventDocs eventSchemas={lifecycleEventJsonSchemas()} answerSchema={provisioningResultJsonSchema()} />
    </>
  );
}
