import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/features/account/components/change-password-form";
import { requirePageOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const operator = await requirePageOperator("console:read", { allowPasswordChange: true });
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("account.title")} description={`${operator.displayName} · ${operator.email} · ${t(`roles.${operator.role}`)}`} />
      {operator.mustChangePassword ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("account.mustChange")}
        </p>
      ) : null}
      <Card title={t("account.changePassword")}>
        <ChangePasswordForm required={operator.mustChangePassword} />
      </Card>
    </>
  );
}
