import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { currentOperator } from "@/server/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentOperator()) redirect("/");
  const { next } = await searchParams;
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="absolute right-4 top-4">
        <LanguageSwitch />
      </div>
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-center gap-3">
          <span aria-hidden className="grid h-9 w-9 place-items-center rounded bg-brand-600 text-sm font-bold text-white">KG</span>
          <div>
            <h1 className="text-lg font-semibold">{t("signIn.title")}</h1>
            <p className="text-xs text-slate-500">{t("app.name")}</p>
          </div>
        </div>
        <SignInForm next={next ?? null} />
      </div>
    </div>
  );
}
