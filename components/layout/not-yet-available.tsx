import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/states";

// An honest placeholder for a section that a later capability fills: it says so, and what is coming.
export async function NotYetAvailable({ section }: { section: string }) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} description={t(`sections.${section}.description`)} />
      <EmptyState title={t("sections.notYetAvailable")}>{t(`sections.${section}.coming`)}</EmptyState>
    </>
  );
}
