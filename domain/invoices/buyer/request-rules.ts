import { checkUnifiedSocialCreditCode } from "@/domain/invoices/unified-social-credit-code";

// What a buyer's invoice request must hold (koogallery-money.md §3c): special invoices only for 企业 titles;
// 数电 / 电子 invoices go to the receiver's e-mail, paper ones to the mailing address.
export const TITLE_TYPES = ["enterprise", "individual", "organisation"] as const;
export type TitleType = (typeof TITLE_TYPES)[number];

export const BUYER_INVOICE_KINDS = [
  "ordinary_digital",
  "ordinary_electronic",
  "ordinary_paper",
  "special_digital",
  "special_electronic",
  "special_paper",
] as const;
export type BuyerInvoiceKind = (typeof BUYER_INVOICE_KINDS)[number];

export const isSpecialKind = (kind: BuyerInvoiceKind): boolean => kind.startsWith("special_");
export const isPaperKind = (kind: BuyerInvoiceKind): boolean => kind.endsWith("_paper");

export type RequestDetails = {
  titleType: TitleType;
  title: string;
  taxpayerId?: string | null;
  invoiceKind: BuyerInvoiceKind;
  receiverEmail?: string | null;
  mailingRecipient?: string | null;
  mailingPhone?: string | null;
  mailingAddress?: string | null;
};

export type RequestProblem = {
  field: keyof RequestDetails;
  problem: "required" | "specialOnlyForEnterprise" | "taxpayerIdLength" | "taxpayerIdCharacters" | "taxpayerIdCheckCharacter";
};

const blank = (value: string | null | undefined): boolean => !value || !value.trim();

export const requestProblems = (details: RequestDetails): RequestProblem[] => {
  const problems: RequestProblem[] = [];
  if (blank(details.title)) problems.push({ field: "title", problem: "required" });
  if (isSpecialKind(details.invoiceKind) && details.titleType !== "enterprise") {
    problems.push({ field: "invoiceKind", problem: "specialOnlyForEnterprise" });
  }
  if (details.titleType === "enterprise") {
    if (blank(details.taxpayerId)) problems.push({ field: "taxpayerId", problem: "required" });
    else {
      const verdict = checkUnifiedSocialCreditCode(details.taxpayerId!);
      if (!verdict.valid) {
        const problem = verdict.problem === "length" ? "taxpayerIdLength" : verdict.problem === "characters" ? "taxpayerIdCharacters" : "taxpayerIdCheckCharacter";
        problems.push({ field: "taxpayerId", problem });
      }
    }
  }
  if (isPaperKind(details.invoiceKind)) {
    for (const field of ["mailingRecipient", "mailingPhone", "mailingAddress"] as const) {
      if (blank(details[field])) problems.push({ field, problem: "required" });
    }
  } else if (blank(details.receiverEmail)) problems.push({ field: "receiverEmail", problem: "required" });
  return problems;
};
