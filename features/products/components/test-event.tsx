"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/states";
import { useSendTestEvent } from "@/features/products/api/products";
import type { ProductDto } from "@/lib/contracts/products";
import { useApiErrorText } from "@/lib/use-api-error-text";

// The answer is shown as the endpoint gave it (status, the exact network error, the body's
// start): that is what the seller needs to fix their side.
export function TestEvent({ product, hasUnsavedChanges }: { product: ProductDto; hasUnsavedChanges: boolean }) {
  const t = useTranslations("products");
  const errorText = useApiErrorText();
  const send = useSendTestEvent();
  const configured = product.webhookUrl !== null && product.hasWebhookSecret;
  const result = send.data?.result;

  return (
    <div className="space-y-2">
      <div>
        <p className="text-sm font-medium text-slate-700">{t("testEvent.title")}</p>
        <p className="text-xs text-slate-500">{t("testEvent.help")}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={!configured || hasUnsavedChanges || send.isPending} onClick={() => send.mutate(product.id)}>
          {send.isPending ? t("testEvent.sending") : t("testEvent.send")}
        </Button>
        {!configured ? (
          <span className="text-xs text-slate-500">{t("testEvent.saveFirst")}</span>
        ) : hasUnsavedChanges ? (
          <span className="text-xs text-slate-500">{t("testEvent.unsaved")}</span>
        ) : null}
      </div>
      {send.isError ? <ErrorNotice>{errorText(send.error)}</ErrorNotice> : null}
      {result && !send.isPending ? (
        <div
          role="status"
          data-testid="test-event-result"
          className={clsx(
            "space-y-1 rounded-md border px-3 py-2 text-sm",
            result.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900",
          )}
        >
          <p className="font-medium">
            {result.ok ? t("testEvent.success", { status: result.statusCode ?? 0, ms: result.latencyMs }) : t("testEvent.failure", { ms: result.latencyMs })}
          </p>
          {!result.ok && result.statusCode !== null ? (
            <p>
              {t("testEvent.statusCode")}: <code className="font-mono text-xs">{result.statusCode}</code>
            </p>
          ) : null}
          {result.error ? (
            <p>
              {t("testEvent.error")}: <code className="break-all font-mono text-xs">{result.error}</code>
            </p>
          ) : null}
          {result.responseExcerpt ? (
            <div>
              <p>{t("testEvent.response")}:</p>
              <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-white/70 px-2 py-1 font-mono text-xs">{result.responseExcerpt}</pre>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
