import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/i18n/load-messages";
import { LOCALE_COOKIE, toLocale } from "@/i18n/locales";

// The console has no locale in its URLs: the operator's choice lives in a cookie, 简体中文 by default.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = await loadMessages(locale);
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
