"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useRevealWebhookSecret, useRotateWebhookSecret } from "@/features/products/api/products";
import type { ProductDto } from "@/lib/contracts/products";
import { useApiErrorText } from "@/lib/use-api-error-text";

const MASKED = `whsec_${"•".repeat(12)}`;

export function WebhookSecret({ product, canManage }: { product: ProductDto; canManage: boolean }) {
  const t = useTranslations("products");
  const errorText = useApiErrorText();
  const reveal = useRevealWebhookSecret();
  const rotate = useRotateWebhookSecret();
  // Held only while shown: hiding it or leaving the page forgets it.
  const [shown, setShown] = useState<{ secret: string; rotated: boolean } | null>(null);
  const failure = reveal.error ?? rotate.error;

  return (
    <div className="space-y-2">
      <div>
        <p className="text-sm font-medium text-slate-700">{t("secret.title")}</p>
        <p className="text-xs text-slate-500">{t("secret.help")}</p>
      </div>
      {!product.hasWebhookSecret && !shown ? (
        <p className="text-sm text-slate-600">{t("secret.none")}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <code data-testid="webhook-secret-value" className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs">
            {shown?.secret ?? MASKED}
          </code>
          {canManage ? (
            <>
              <Button
                variant="ghost"
                className="px-2 py-0.5 text-xs"
                disabled={reveal.isPending}
                onClick={async () => {
                  if (shown) return setShown(null);
                  const result = await reveal.mutateAsync(product.id).catch(() => null);
                  if (result) setShown({ secret: result.secret, rotated: false });
                }}
              >
                {shown ? t("secret.hide") : t("secret.reveal")}
              </Button>
              <Button
                variant="danger"
                className="px-2 py-0.5 text-xs"
                disabled={rotate.isPending}
                onClick={async () => {
                  if (!window.confirm(t("secret.confirmRotate", { code: product.productCode }))) return;
                  const result = await rotate.mutateAsync(product.id).catch(() => null);
                  if (result) setShown({ secret: result.secret, rotated: true });
                }}
              >
                {t("secret.rotate")}
              </Button>
            </>
          ) : (
            <span className="text-xs text-slate-500">{t("secret.ownerOnly")}</span>
          )}
        </div>
      )}
      {shown?.rotated ? (
        <p role="status" className="text-xs text-amber-800">
          {t("secret.rotated")}
        </p>
      ) : null}
      {failure ? <p className="text-xs text-red-700">{errorText(failure)}</p> : null}
    </div>
  );
}
