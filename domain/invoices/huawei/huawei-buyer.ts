import { checkUnifiedSocialCreditCode, type CreditCodeProblem } from "@/domain/invoices/unified-social-credit-code";

// The buyer named on every invoice to Huawei must equal the Huawei signing entity of the 开票清单
// (koogallery-money.md §3a). The reference saw only the bank line; the entity name and taxpayer ID were not
// captured ("probably 华为云计算技术有限公司" [?]). Safe reading: the console pre-fills what was seen, leaves the
// taxpayer ID empty, and refuses to print a checklist until finance has confirmed the details from the notice.
export const HUAWEI_BUYER_DEFAULTS = {
  name: "华为云计算技术有限公司",
  taxpayerId: "",
  bankName: "中国工商银行股份有限公司深圳华为支行",
  bankAccount: "4000056019100216486",
  address: "",
  phone: "",
  receivingEmail: "",
  mailingAddress: "",
} as const;

// Tax item and rate "follow the tax law in force at invoicing time" and the notice states the rate
// (§3a). Not captured in the reference [?]. Safe reading: 6% (信息技术服务, the rate of cloud/SaaS services) is
// only the pre-filled default; finance sets each product's rate on the checklist to the rate in the notice.
export const DEFAULT_TAX_RATE_PERCENT = "6";

export type HuaweiBuyerDetails = {
  name: string;
  taxpayerId: string;
  bankName: string;
  bankAccount: string;
  address: string;
  phone: string;
  receivingEmail: string;
  mailingAddress: string;
};

export type BuyerProblem = { field: keyof HuaweiBuyerDetails; problem: "required" | CreditCodeProblem };

/** The details a checklist needs before it can be printed: name, bank, account, and a valid taxpayer ID. */
export const huaweiBuyerProblems = (details: HuaweiBuyerDetails): BuyerProblem[] => {
  const problems: BuyerProblem[] = [];
  for (const field of ["name", "bankName", "bankAccount"] as const) {
    if (!details[field].trim()) problems.push({ field, problem: "required" });
  }
  if (!details.taxpayerId.trim()) problems.push({ field: "taxpayerId", problem: "required" });
  else {
    const verdict = checkUnifiedSocialCreditCode(details.taxpayerId);
    if (!verdict.valid) problems.push({ field: "taxpayerId", problem: verdict.problem });
  }
  return problems;
};
