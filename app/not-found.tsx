import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFound")}</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-700 underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
