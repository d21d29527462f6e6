"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useOrderRefundCheck } from "@/features/invoices/buyer/api/buyer-invoices";
import type { RefundVerdictDto } from "@/lib/contracts/buyer-invoices";

// Why an order may not be refunded yet, as far as its invoices go (已开票必须退票后才能退订).
export function RefundBlockNotice({ verdict }: { verdict: RefundVerdictDto }) {
  const t = useTranslations("buyerInvoices.refund");
  if (verdict.refundable) {
    return (
      <p className="text-sm text-emerald-700" data-testid="refund-verdict">
        {t("allowed")}
      </p>
    );
  }
  return (
    <div role="alert" data-testid="refund-verdict" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {verdict.reason === "invoiceIssued" ? t("blockedIssued", { numbers: verdict.invoiceNumbers.join("、") || "—" }) : t("blockedOpen")}
      {verdict.requestIds.length > 0 ? (
        <span className="ml-2">
          {verdict.requestIds.map((id, index) => (
            <Link key={id} href={`/invoices/buyer/${id}`} className="mr-2 text-brand-700 underline">
              {t("openRequest", { index: index + 1 })}
            </Link>
          ))}
        </span>
      ) : null}
    </div>
  );
}

/** The banner on the order detail page: shown only while invoices block the order's refund. */
export function RefundBlockBanner({ orderId }: { orderId: string }) {
  const check = useOrderRefundCheck(orderId);
  if (!check.data || check.data.refundable) return null;
  return <RefundBlockNotice verdict={check.data} />;
}
