import { money } from "@/domain/fees/money";
import { isPaperKind, type BuyerInvoiceKind } from "./request-rules";

// Paper invoices under 100 CNY travel cash-on-delivery at the buyer's cost; from 100 CNY the seller pays
// the postage (koogallery-money.md §3c). Digital and electronic invoices are e-mailed: no postage.
export const POSTAGE_THRESHOLD_YUAN = 100;

export const postagePayer = (kind: BuyerInvoiceKind, amount: string): "buyer" | "seller" | null => {
  if (!isPaperKind(kind)) return null;
  return money(amount).lt(POSTAGE_THRESHOLD_YUAN) ? "buyer" : "seller";
};
